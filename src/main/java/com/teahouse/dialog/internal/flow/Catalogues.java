package com.teahouse.dialog.internal.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The lists a choice can come from: complaint categories (each with its handling unit and time limit) from
 * categories.yaml, and districts from districts.yaml. Labels live in the catalogue itself, in zh and en.
 */
public final class Catalogues {

    /** One choice. {@code unit} and {@code days} only for categories. */
    public record Entry(String id, Map<String, String> labels, String unit, Integer days) {
        public String label(String language) {
            return labels.getOrDefault(language, labels.getOrDefault(TextCatalog.LANGUAGES.get(0), id));
        }
    }

    public static final Set<String> NAMES = Set.of("categories", "districts");

    private final Map<String, List<Entry>> lists = new LinkedHashMap<>();
    private final Map<String, Entry> units = new LinkedHashMap<>();

    public List<Entry> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    public Entry find(String name, String id) {
        return list(name).stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    public Entry unit(String id) {
        return units.get(id);
    }

    static Catalogues read(Path dir, Problems problems) {
        Catalogues c = new Catalogues();
        Map<String, Node> categories = c.file(dir, "categories.yaml", problems);
        c.entries(categories.get("units"), "units", "categories.yaml", problems).forEach(e -> c.units.put(e.id(), e));
        c.lists.put("categories", c.entries(categories.get("categories"), "categories", "categories.yaml", problems));
        Map<String, Node> districts = c.file(dir, "districts.yaml", problems);
        c.lists.put("districts", c.entries(districts.get("districts"), "districts", "districts.yaml", problems));
        return c;
    }

    private Map<String, Node> file(Path dir, String name, Problems problems) {
        YamlNodes y = new YamlNodes(name, problems);
        Path path = dir.resolve(name);
        if (!Files.exists(path)) {
            problems.add(name, 1, "the catalogue file is missing");
            return Map.of();
        }
        Node root = y.read(path);
        return root == null ? Map.of() : y.map(root, name, null);
    }

    private List<Entry> entries(Node node, String what, String file, Problems problems) {
        List<Entry> out = new ArrayList<>();
        if (node == null) {
            problems.add(file, 1, "no '" + what + ":' list");
            return out;
        }
        YamlNodes y = new YamlNodes(file, problems);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Node item : y.list(node, what)) {
            Map<String, Node> m = y.map(item, "an entry of " + what, Set.of("id", "zh", "en", "unit", "days"));
            String id = y.text(m.get("id"), "id");
            if (id == null) {
                y.problem(item, "an entry of " + what + " has no id");
                continue;
            }
            if (seen.containsKey(id)) {
                y.problem(item, "duplicate id '" + id + "' in " + what + " (first on line " + seen.get(id) + ")");
            }
            seen.put(id, YamlNodes.line(item));
            Map<String, String> labels = new LinkedHashMap<>();
            for (String language : TextCatalog.LANGUAGES) {
                String label = y.text(m.get(language), language);
                if (label == null || label.isBlank()) {
                    y.problem(item, "missing translation: " + what + " entry '" + id + "' has no " + language);
                } else {
                    labels.put(language, label);
                }
            }
            String unit = y.text(m.get("unit"), "unit");
            if (what.equals("categories") && (unit == null || !units.containsKey(unit))) {
                y.problem(item, "category '" + id + "' names unit '" + unit + "', which is not under units:");
            }
            out.add(new Entry(id, labels, unit, y.number(m.get("days"), "days")));
        }
        return out;
    }
}
