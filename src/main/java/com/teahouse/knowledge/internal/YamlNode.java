package com.teahouse.knowledge.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A thin view over SnakeYAML's composed node tree. We compose instead of binding to objects because
 * only the node tree remembers where each value sits, and diagnostics must name the line.
 */
final class YamlNode {

    private final Node node;
    private final int lineOffset;

    private YamlNode(Node node, int lineOffset) {
        this.node = node;
        this.lineOffset = lineOffset;
    }

    /** Composes {@code text}; {@code lineOffset} is added to the 1-based lines it reports. */
    static Optional<YamlNode> parse(String text, int lineOffset) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root = new Yaml(options).compose(new StringReader(text));
        return Optional.ofNullable(root).map(n -> new YamlNode(n, lineOffset));
    }

    int line() {
        return node.getStartMark().getLine() + 1 + lineOffset;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    Optional<YamlNode> get(String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(new YamlNode(tuple.getValueNode(), lineOffset));
                }
            }
        }
        return Optional.empty();
    }

    /** The line of {@code key} itself (a nested value starts on a later line); this node's line if absent. */
    int keyLine(String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k.getStartMark().getLine() + 1 + lineOffset;
                }
            }
        }
        return line();
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k) {
                    keys.add(k.getValue());
                }
            }
        }
        return keys;
    }

    List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                items.add(new YamlNode(child, lineOffset));
            }
        }
        return items;
    }

    /** The scalar text, trimmed; empty for non-scalars and YAML nulls. */
    String text() {
        if (node instanceof ScalarNode scalar) {
            String v = scalar.getValue().trim();
            return v.equals("~") || v.equals("null") ? "" : v;
        }
        return "";
    }

    /** Scalars as a one-element list, sequences of scalars as-is. */
    List<String> texts() {
        if (isScalar()) {
            return text().isEmpty() ? List.of() : List.of(text());
        }
        return items().stream().map(YamlNode::text).filter(s -> !s.isEmpty()).toList();
    }
}
