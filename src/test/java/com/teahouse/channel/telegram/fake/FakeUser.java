package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Telegram user (or the bot itself) as the fake presents it in {@code from} fields. */
public record FakeUser(long id, String firstName, String languageCode, boolean isBot, String username) {

    public static FakeUser human(long id, String firstName, String languageCode) {
        return new FakeUser(id, firstName, languageCode, false, null);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object().put("id", id).put("is_bot", isBot).put("first_name", firstName);
        if (username != null) {
            json.put("username", username);
        }
        if (languageCode != null && !isBot) {
            json.put("language_code", languageCode);
        }
        return json;
    }
}
