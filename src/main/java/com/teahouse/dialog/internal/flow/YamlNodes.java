package com.teahouse.dialog.internal.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read as SnakeYAML nodes rather than objects, because nodes keep their line numbers: every problem we
 * report points at a line. Also catches duplicate keys, which a plain load silently merges.
 */
public final class YamlNodes {

    private final String file;
    private final Problems problems;
    /** The line of the key each mapping value was found under: people look for "thanks:", not for its body. */
    private final Map<Node, Integer> keyLines = new java.util.IdentityHashMap<>();

    public YamlNodes(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or null (with the problem recorded) when the file is not valid YAML. */
    public Node read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                problems.add(file, 1, "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(file, line, "broken YAML: " + e.getProblem());
        } catch (IOException | RuntimeException e) {
            problems.add(file, 1, "cannot be read: " + e.getMessage());
        }
        return null;
    }

    public static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** The entries of a mapping in file order; reports duplicates and keys outside {@code allowed} (if given). */
    public Map<String, Node> map(Node node, String what, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(file, line(node), what + " should be a mapping of key: value");
            return out;
        }
        for (var tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                problems.add(file, line(tuple.getKeyNode()), "a key in " + what + " is not a plain word");
            } else if (out.containsKey(key)) {
                problems.add(file, line(tuple.getKeyNode()), "duplicate id '" + key + "' in " + what
                        + " (first on line " + at(out.get(key)) + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                problems.add(file, line(tuple.getKeyNode()), "unknown field '" + key + "' in " + what
                        + "; expected one of " + allowed);
            } else {
                out.put(key, tuple.getValueNode());
                keyLines.put(tuple.getValueNode(), line(tuple.getKeyNode()));
            }
        }
        return out;
    }

    /** Where a mapping value is: the line of its key when it has one. */
    public int at(Node value) {
        Integer keyLine = keyLines.get(value);
        return keyLine != null ? keyLine : line(value);
    }

    public List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.add(file, line(node), what + " should be a list");
        return List.of();
    }

    public String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problems.add(file, line(node), what + " should be a single value");
        return null;
    }

    public Integer number(Node node, String what) {
        String value = text(node, what);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problems.add(file, line(node), what + " should be a whole number, not '" + value + "'");
            return null;
        }
    }

    public boolean flag(Node node, String what) {
        String value = text(node, what);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.add(file, line(node), what + " should be true or false, not '" + value + "'");
                yield false;
            }
        };
    }

    public void problem(Node node, String message) {
        problems.add(file, line(node), message);
    }

    public String file() {
        return file;
    }
}
