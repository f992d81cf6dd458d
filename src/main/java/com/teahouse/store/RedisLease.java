package com.teahouse.store;

import java.util.List;
import redis.clients.jedis.params.SetParams;

/**
 * Leases in Redis held by one owner (an instance): taken with SET NX PX, renewed and released only by the owner
 * that holds them (compare-and-act in Lua), so an instance never extends or drops a lease another one took.
 */
public final class RedisLease {

    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisStore store;
    private final String owner;

    public RedisLease(RedisStore store, String owner) {
        this.store = store;
        this.owner = owner;
    }

    /** Takes the lease if nobody holds it. The key is a full key (with the prefix). */
    public boolean acquire(String key, long ttlMillis) {
        return "OK".equals(store.jedis().set(key, owner, SetParams.setParams().nx().px(ttlMillis)));
    }

    /** Extends the lease if this owner still holds it. */
    public boolean renew(String key, long ttlMillis) {
        return Long.valueOf(1).equals(store.jedis().eval(RENEW, List.of(key), List.of(owner, Long.toString(ttlMillis))));
    }

    /** Renews the lease, or takes it when free: true while this owner holds it. */
    public boolean hold(String key, long ttlMillis) {
        return renew(key, ttlMillis) || acquire(key, ttlMillis);
    }

    public void release(String key) {
        store.jedis().eval(RELEASE, List.of(key), List.of(owner));
    }
}
