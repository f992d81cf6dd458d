package com.teahouse.messaging;

import java.util.List;

/**
 * What handling one inbound message decided: the conversation's new state (null: unchanged) and the replies
 * to deliver, to this chat or others. Both are committed in one Redis transaction with the dedupe marker.
 */
public record Step(String state, List<Outbound> replies) {

    public Step {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public static Step of(String state, List<Outbound> replies) {
        return new Step(state, replies);
    }

    public static Step reply(List<Outbound> replies) {
        return new Step(null, replies);
    }
}
