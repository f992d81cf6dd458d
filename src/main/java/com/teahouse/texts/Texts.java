package com.teahouse.texts;

import com.teahouse.messaging.RichText;
import java.util.List;
import java.util.Map;

/**
 * Every user-facing string, from {@code dialogs/texts/*.yaml} ({@code key: {zh: …, en: …}}). Templates may mark
 * **bold** parts and name parameters as {name}; parameters are inserted as plain text, never as markup.
 */
public interface Texts {

    List<String> languages();

    /** The language to use for a client's language tag: its own if we have it, else the first. */
    String languageFor(String languageTag);

    RichText render(String key, String language, Map<String, ?> params);

    default RichText render(String key, String language) {
        return render(key, language, Map.of());
    }

    /** The text without formatting, e.g. for button labels. */
    default String plain(String key, String language) {
        return render(key, language).plainText();
    }

    boolean has(String key);

    /** Every key that starts with {@code prefix} (a page that takes a whole group of texts at once). */
    default java.util.Set<String> keysStartingWith(String prefix) {
        return java.util.Set.of();
    }
}
