package com.teahouse.messaging;

import java.util.Objects;

/**
 * Where a message comes from or goes to: a channel ("telegram", "web"), a chat in it, and optionally a thread
 * (a forum topic). Chat ids are strings so that every channel fits.
 */
public record Address(String channel, String chat, String thread) {

    public Address {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chat, "chat");
    }

    public static Address of(String channel, String chat) {
        return new Address(channel, chat, null);
    }

    public Address inThread(String threadId) {
        return new Address(channel, chat, threadId);
    }

    /** The conversation this address belongs to; threads of one chat share its lane. */
    public String conversationKey() {
        return channel + ":" + chat;
    }
}
