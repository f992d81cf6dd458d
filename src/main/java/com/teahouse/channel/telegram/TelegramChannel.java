package com.teahouse.channel.telegram;

/** The channel's name in {@link com.teahouse.messaging.Address}es. */
public final class TelegramChannel {

    public static final String NAME = "telegram";

    private TelegramChannel() {
    }
}
