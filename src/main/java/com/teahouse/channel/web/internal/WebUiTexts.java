package com.teahouse.channel.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.texts.DialogsDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The web page's own words (title, placeholder, errors) from {@code dialogs/web.yaml}, per language. */
@Component
class WebUiTexts {

    private static final Logger log = LoggerFactory.getLogger(WebUiTexts.class);

    private final Map<String, Map<String, String>> texts;

    WebUiTexts(DialogsDir dialogs) {
        this.texts = load(dialogs.resolve("web.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> load(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Map.class);
        } catch (IOException | RuntimeException e) {
            log.error("{} could not be read ({}); the web page will show text keys", file, e.getMessage());
            return Map.of();
        }
    }

    Map<String, String> forLanguage(String language) {
        return texts.getOrDefault(language, texts.getOrDefault("zh", Map.of()));
    }

    String text(String language, String key) {
        return forLanguage(language).getOrDefault(key, key);
    }
}
