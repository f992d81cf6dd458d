package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Telegram's limits that the spec's types cannot express: parse modes, lengths, button data. */
final class TelegramRules {
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final Set<String> NON_ACTION_BUTTON_FIELDS = Set.of("text", "icon_custom_emoji_id", "style");

    record Formatted(String text, ArrayNode entities) {
    }

    private TelegramRules() {
    }

    static Formatted text(ObjectNode params) {
        Formatted f = format(params, "text", "entities");
        if (f.text().isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (f.text().length() > MAX_TEXT) {
            throw BotApiError.badRequest("message is too long");
        }
        return f;
    }

    static Formatted caption(ObjectNode params) {
        Formatted f = format(params, "caption", "caption_entities");
        if (f.text().length() > MAX_CAPTION) {
            throw BotApiError.badRequest("message caption is too long");
        }
        return f;
    }

    private static Formatted format(ObjectNode params, String field, String entitiesField) {
        String raw = params.path(field).asText("");
        JsonNode parseMode = params.get("parse_mode");
        if (parseMode == null || raw.isEmpty()) {
            JsonNode entities = params.get(entitiesField);
            return new Formatted(raw, entities != null && entities.isArray() ? (ArrayNode) entities : Json.MAPPER.createArrayNode());
        }
        // the Bot API server lower-cases parse_mode before comparing; telegrambots sends "html"
        return switch (parseMode.asText().toLowerCase(java.util.Locale.ROOT)) {
            case "html" -> {
                HtmlEntityParser.Parsed parsed = HtmlEntityParser.parse(raw);
                yield new Formatted(parsed.text(), parsed.entities());
            }
            case "markdownv2" -> new Formatted(MarkdownEntityParser.plainText(raw, true), Json.MAPPER.createArrayNode());
            case "markdown" -> new Formatted(MarkdownEntityParser.plainText(raw, false), Json.MAPPER.createArrayNode());
            default -> throw BotApiError.badRequest("unsupported parse_mode");
        };
    }

    static void checkReplyMarkup(JsonNode markup) {
        if (markup == null) {
            return;
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                checkInlineButton(button);
            }
        }
        for (JsonNode row : markup.path("keyboard")) {
            for (JsonNode button : row) {
                if (button.isObject() && button.path("text").asText("").isEmpty()) {
                    throw BotApiError.badRequest("can't parse keyboard button: Field \"text\" must be of type String");
                }
            }
        }
    }

    private static void checkInlineButton(JsonNode button) {
        if (button.path("text").asText("").isEmpty()) {
            throw BotApiError.badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        }
        int actions = 0;
        for (var names = button.fieldNames(); names.hasNext(); ) {
            actions += NON_ACTION_BUTTON_FIELDS.contains(names.next()) ? 0 : 1;
        }
        if (actions == 0) {
            throw BotApiError.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        if (button.has("callback_data")) {
            int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                throw BotApiError.badRequest("BUTTON_DATA_INVALID");
            }
        }
        if (button.has("url") && !button.get("url").asText().matches("(?i)(https?|tg)://\\S+")) {
            throw BotApiError.badRequest("inline keyboard button URL '" + button.get("url").asText() + "' is invalid: Wrong HTTP URL");
        }
    }

    /** Only an inline keyboard is kept on the Message, as Telegram does. */
    static JsonNode storedMarkup(JsonNode markup) {
        return markup != null && markup.has("inline_keyboard") ? markup : null;
    }
}
