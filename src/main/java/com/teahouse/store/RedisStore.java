package com.teahouse.store;

import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

/**
 * The project's handle on Redis: a pooled, thread-safe client and the key prefix. Modules build their keys with
 * {@link #key(String)} so that several deployments can share one Redis.
 */
public final class RedisStore {

    private final UnifiedJedis jedis;
    private final String prefix;
    /** Behind Sentinel: the master the client uses now (null until a sentinel named one); otherwise null. */
    private final Supplier<HostAndPort> sentinelMaster;

    public RedisStore(UnifiedJedis jedis, String prefix) {
        this(jedis, prefix, null);
    }

    /** A client through Sentinel, with where it finds the master it uses now (a local look, no round trip). */
    public RedisStore(UnifiedJedis jedis, String prefix, Supplier<HostAndPort> sentinelMaster) {
        this.jedis = jedis;
        this.prefix = prefix;
        this.sentinelMaster = sentinelMaster;
    }

    /** True when Redis is reached through Sentinel: a master meant to have replicas, which may fail over. */
    public boolean behindSentinel() {
        return sentinelMaster != null;
    }

    /** Behind Sentinel, the master the client uses now, or null while no sentinel has named one; else null. */
    public HostAndPort currentMaster() {
        return sentinelMaster == null ? null : sentinelMaster.get();
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
