package com.teahouse.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One line of a case's conversation as both sides saw it: the bot's prompt, the user's answer (a pressed button
 * by the label the user saw; a personal answer of the form only as "which field was answered"), or a staff
 * relay. The text is what was said, never markup: pages show it as text.
 *
 * @param at when it was said; null for lines kept before times were recorded
 */
public record ConversationLine(From from, String text, Instant at) {

    public enum From {
        USER, BOT, STAFF;

        @JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @JsonCreator
        public static From of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @JsonCreator
    public ConversationLine(@JsonProperty("from") From from, @JsonProperty("text") String text,
            @JsonProperty("at") Instant at) {
        this.from = from == null ? From.BOT : from;
        this.text = text == null ? "" : text;
        this.at = at;
    }

    public static ConversationLine user(String text, Instant at) {
        return new ConversationLine(From.USER, text, at);
    }

    public static ConversationLine bot(String text, Instant at) {
        return new ConversationLine(From.BOT, text, at);
    }

    /**
     * A line stored before lines had a speaker field ("U: …", "B: …"): read once from old data, never written.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ConversationLine legacy(String line) {
        if (line == null) {
            return new ConversationLine(From.BOT, "", null);
        }
        if (line.startsWith("U: ")) {
            return new ConversationLine(From.USER, line.substring(3), null);
        }
        return new ConversationLine(From.BOT, line.startsWith("B: ") ? line.substring(3) : line, null);
    }
}
