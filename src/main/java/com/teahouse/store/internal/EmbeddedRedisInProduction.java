package com.teahouse.store.internal;

/**
 * The {@code prod} profile is active but no {@code teahouse.redis.url} is set: the embedded server is for a
 * developer's machine only.
 */
public class EmbeddedRedisInProduction extends IllegalStateException {

    public EmbeddedRedisInProduction() {
        super("The prod profile needs an external Redis: teahouse.redis.url is not set.");
    }
}
