package com.teahouse.dialog.internal.flow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The text keys of dialogs/texts with where each is defined, for checking only (the app renders texts through
 * the texts module). Every key must exist in every language.
 */
public final class TextCatalog {

    public static final List<String> LANGUAGES = List.of("zh", "en");

    record Definition(String file, int line) {
    }

    private final Map<String, Definition> keys = new HashMap<>();

    boolean has(String key) {
        return keys.containsKey(key);
    }

    void read(Path path, String file, Problems problems) {
        YamlNodes y = new YamlNodes(file, problems);
        Node root = y.read(path);
        if (root == null) {
            return;
        }
        y.map(root, "the texts file", null).forEach((key, node) -> {
            Definition earlier = keys.get(key);
            if (earlier != null) {
                problems.add(file, y.at(node), "duplicate id: text '" + key + "' is also defined in " + earlier.file() + ":"
                        + earlier.line());
                return;
            }
            keys.put(key, new Definition(file, y.at(node)));
            Map<String, Node> byLanguage = y.map(node, "text '" + key + "'", null);
            for (String language : LANGUAGES) {
                String value = y.text(byLanguage.get(language), language);
                if (value == null || value.isBlank()) {
                    problems.add(file, y.at(node), "missing translation: text '" + key + "' has no " + language);
                }
            }
            byLanguage.keySet().stream().filter(l -> !LANGUAGES.contains(l)).forEach(l -> y.problem(
                    byLanguage.get(l), "text '" + key + "' has a language we do not offer: " + l));
        });
    }
}
