package com.teahouse.channel.web;

/** The channel's name in {@link com.teahouse.messaging.Address}es. */
public final class WebChannel {

    public static final String NAME = "web";

    private WebChannel() {
    }
}
