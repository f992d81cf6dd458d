package com.teahouse.dialog.internal.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** What is wrong with the dialog files, each with the file and line, so that an editor can go straight there. */
public final class Problems {

    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final List<Problem> list = new ArrayList<>();

    public void add(String file, int line, String message) {
        list.add(new Problem(file, line, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> all() {
        return list.stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
    }

    public String report() {
        return all().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
