package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while loading (files are parsed in parallel, hence synchronized); never thrown. */
public final class LoadReport {

    private final List<Problem> problems = new ArrayList<>();

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public synchronized List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return sorted;
    }

    public synchronized boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public synchronized long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public synchronized long warningCount() {
        return problems.size() - errorCount();
    }

    public synchronized boolean isClean() {
        return problems.isEmpty();
    }
}
