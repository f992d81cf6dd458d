package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while loading; never thrown, always inspected by the caller. */
public final class LoadReport {

    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem problem) {
        problems.add(problem);
    }

    public List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return sorted;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
