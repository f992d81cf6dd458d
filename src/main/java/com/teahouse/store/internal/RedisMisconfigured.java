package com.teahouse.store.internal;

/** The Redis connection settings cannot work; the message names the setting and what is wrong with it. */
public class RedisMisconfigured extends IllegalStateException {

    public RedisMisconfigured(String message) {
        super(message);
    }
}
