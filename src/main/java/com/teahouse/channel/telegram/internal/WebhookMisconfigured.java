package com.teahouse.channel.telegram.internal;

/** The webhook's URL or secret cannot work; the message says which and why, never the secret itself. */
public class WebhookMisconfigured extends IllegalStateException {

    public WebhookMisconfigured(String message) {
        super(message);
    }
}
