package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An update the test injected: its id, its kind ("message", "callback_query", ...) and its JSON. */
public record FakeUpdate(int updateId, String type, ObjectNode json) {

    /** The message (or callback query, ...) inside the update. */
    public ObjectNode payload() {
        return (ObjectNode) json.get(type);
    }
}
