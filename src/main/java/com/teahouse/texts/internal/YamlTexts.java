package com.teahouse.texts.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.texts.DialogsDir;
import com.teahouse.texts.Texts;
import com.teahouse.messaging.RichText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** {@link Texts} loaded once from {@code dialogs/texts/}. */
@Component
public class YamlTexts implements Texts {

    private static final List<String> LANGUAGES = List.of("zh", "en");

    private final Map<String, Map<String, String>> texts;

    YamlTexts(DialogsDir dialogs) {
        this.texts = load(dialogs.resolve("texts"));
    }

    public static Map<String, Map<String, String>> load(Path dir) {
        Map<String, Map<String, String>> all = new HashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, String>> part = yaml.readValue(Files.readString(file), Map.class);
                if (part != null) {
                    all.putAll(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("dialogs/texts could not be read: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public List<String> languages() {
        return LANGUAGES;
    }

    @Override
    public String languageFor(String tag) {
        if (tag == null) {
            return LANGUAGES.get(0);
        }
        String lower = tag.toLowerCase();
        return LANGUAGES.stream().filter(lower::startsWith).findFirst().orElse(LANGUAGES.get(0));
    }

    @Override
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    @Override
    public java.util.Set<String> keysStartingWith(String prefix) {
        return texts.keySet().stream().filter(k -> k.startsWith(prefix))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public RichText render(String key, String language, Map<String, ?> params) {
        Map<String, String> byLanguage = texts.get(key);
        String template = byLanguage == null ? key
                : byLanguage.getOrDefault(language, byLanguage.getOrDefault(LANGUAGES.get(0), key));
        return TemplateRenderer.render(template, params);
    }
}
