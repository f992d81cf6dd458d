package com.teahouse.dialog.internal.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything in dialogs/ that the conversation runs on: the flows, the catalogues, and the text keys. Loaded
 * and checked as a whole; {@link #load} refuses a broken set with a report of every problem found.
 */
public final class DialogFiles {

    private final Map<String, FlowSpec> flows;
    private final Catalogues catalogues;

    private DialogFiles(Map<String, FlowSpec> flows, Catalogues catalogues) {
        this.flows = flows;
        this.catalogues = catalogues;
    }

    public Map<String, FlowSpec> flows() {
        return flows;
    }

    public FlowSpec flow(String id) {
        return flows.get(id);
    }

    public Catalogues catalogues() {
        return catalogues;
    }

    /** Loads and checks dialogs/ ; throws {@link DialogFilesBroken} listing every problem. */
    public static DialogFiles load(Path dir) {
        Problems problems = new Problems();
        DialogFiles files = read(dir, problems);
        if (!problems.isEmpty()) {
            throw new DialogFilesBroken(problems);
        }
        return files;
    }

    /** Reads and checks, recording problems instead of throwing: for the `dialogs check` command. */
    public static DialogFiles read(Path dir, Problems problems) {
        Map<String, FlowSpec> flows = new LinkedHashMap<>();
        for (Path path : yamlFiles(dir.resolve("flows"), problems, "flows")) {
            String file = "flows/" + path.getFileName();
            FlowSpec flow = FlowFileReader.read(path, file, problems);
            if (flow == null) {
                continue;
            }
            FlowSpec earlier = flows.get(flow.id());
            if (earlier != null) {
                problems.add(file, flow.line(), "duplicate id: flow '" + flow.id() + "' is also defined in "
                        + earlier.file() + ":" + earlier.line());
            } else {
                flows.put(flow.id(), flow);
            }
        }
        TextCatalog texts = new TextCatalog();
        for (Path path : yamlFiles(dir.resolve("texts"), problems, "texts")) {
            texts.read(path, "texts/" + path.getFileName(), problems);
        }
        Catalogues catalogues = Catalogues.read(dir, problems);
        new DialogChecker(flows, texts, catalogues, problems).check();
        return new DialogFiles(flows, catalogues);
    }

    private static List<Path> yamlFiles(Path dir, Problems problems, String name) {
        if (!Files.isDirectory(dir)) {
            problems.add(name + "/", 1, "the folder " + dir + " is missing");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(name + "/", 1, "cannot be listed: " + e.getMessage());
            return List.of();
        }
    }
}
