package com.teahouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The jar's offline commands: checks that operators run before deploying edited data. */
final class Commands {

    interface Command {
        int run(String[] args);
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private record Entry(String first, String second, Command command) {
    }

    private Commands() {
    }

    static void register(String first, String second, Command command) {
        ENTRIES.add(new Entry(first, second, command));
    }

    static Optional<Command> find(String[] args) {
        CommandCatalog.registerAll();
        if (args.length < 2) {
            return Optional.empty();
        }
        return ENTRIES.stream()
                .filter(e -> e.first.equals(args[0]) && e.second.equals(args[1]))
                .map(Entry::command)
                .findFirst();
    }
}
