package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One request the bot made. {@code method} is the spec's spelling (sendMessage) even when the bot
 * used another case; {@code params} are the parameters as received (form values as strings);
 * {@code errorCode}/{@code description} are set when the call was rejected or failed on purpose.
 */
public record RecordedCall(String method, JsonNode params, Instant at, Integer errorCode, String description) {

    public boolean accepted() {
        return errorCode == null;
    }
}
