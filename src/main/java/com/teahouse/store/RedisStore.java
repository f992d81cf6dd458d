package com.teahouse.store;

import redis.clients.jedis.UnifiedJedis;

/**
 * The project's handle on Redis: a pooled, thread-safe client and the key prefix. Modules build their keys with
 * {@link #key(String)} so that several deployments can share one Redis.
 */
public final class RedisStore {

    private final UnifiedJedis jedis;
    private final String prefix;

    public RedisStore(UnifiedJedis jedis, String prefix) {
        this.jedis = jedis;
        this.prefix = prefix;
    }

    public UnifiedJedis jedis() {
        return jedis;
    }

    public String key(String suffix) {
        return prefix + suffix;
    }

    public String prefix() {
        return prefix;
    }

    /** True when Redis answers a PING; never throws. */
    public boolean reachable() {
        try {
            return "PONG".equalsIgnoreCase(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
