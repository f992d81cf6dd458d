package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot sent (sendMessage, sendPhoto, copyMessage, ...), as Telegram stored it:
 * {@code text} is the text or caption after entity parsing, {@code message} the full Message JSON.
 */
public record SentMessage(String method, long chatId, int messageId, Integer threadId, String text,
                          JsonNode replyMarkup, JsonNode message) {

    /** Button labels of the inline (or reply) keyboard, row by row. */
    public List<List<String>> buttonTexts() {
        return rows("text");
    }

    /** callback_data of the inline keyboard's buttons, row by row (null for non-callback buttons). */
    public List<List<String>> callbackData() {
        return rows("callback_data");
    }

    private List<List<String>> rows(String field) {
        List<List<String>> rows = new ArrayList<>();
        if (replyMarkup == null) {
            return rows;
        }
        JsonNode keyboard = replyMarkup.has("inline_keyboard") ? replyMarkup.get("inline_keyboard") : replyMarkup.path("keyboard");
        for (JsonNode row : keyboard) {
            List<String> values = new ArrayList<>();
            row.forEach(b -> values.add(b.isTextual() ? (field.equals("text") ? b.asText() : null)
                    : b.hasNonNull(field) ? b.get(field).asText() : null));
            rows.add(values);
        }
        return rows;
    }
}
