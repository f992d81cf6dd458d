package com.teahouse.messaging.internal;

import com.teahouse.store.RedisLease;
import com.teahouse.store.RedisStore;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which lanes this instance owns. A lane is owned through a lease in Redis, renewed well before it expires; at
 * most one instance processes a lane, which is what keeps one chat's messages in order across instances.
 * Instances share the lanes: each takes about its fair share, so a second instance gets work too.
 */
@Component
public class ShardLeases {

    private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

    private final RedisStore store;
    private final MessagingKeys keys;
    private final long ttlMillis;
    private final String instanceId = UUID.randomUUID().toString();
    private final RedisLease lease;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Set<Integer> freeLastRound = ConcurrentHashMap.newKeySet();

    ShardLeases(RedisStore store, MessagingKeys keys, MessagingProperties props) {
        this.store = store;
        this.keys = keys;
        this.ttlMillis = props.leaseTtl().toMillis();
        this.lease = new RedisLease(store, instanceId);
    }

    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    public boolean owns(int shard) {
        return owned.contains(shard);
    }

    /**
     * One round of renewing and acquiring; called every third of the TTL.
     * {@code gained} and {@code lost} are told about changes; {@code release} asks to give up a lane.
     */
    public void tick(IntConsumer gained, IntConsumer lost, IntConsumer release) {
        long now = System.currentTimeMillis();
        var jedis = store.jedis();
        jedis.zadd(keys.instances(), now, instanceId);
        jedis.zremrangeByScore(keys.instances(), 0, now - 2 * ttlMillis);
        long instances = Math.max(1, jedis.zcard(keys.instances()));
        int fairShare = (int) Math.ceil((double) keys.shards() / instances);
        for (int shard : owned()) {
            if (!lease.renew(keys.lease(shard), ttlMillis)) {
                owned.remove(shard);
                log.warn("Lost the lease of lane {}", shard);
                lost.accept(shard);
            }
        }
        for (int shard = 0; shard < keys.shards(); shard++) {
            if (owned.contains(shard)) {
                continue;
            }
            // Over our share we still take a lane nobody took for a whole round: its owner may be dead while
            // its heartbeat still counts, and an unowned lane is a chat nobody answers.
            boolean mayTake = owned.size() < fairShare || freeLastRound.contains(shard);
            if (mayTake && lease.acquire(keys.lease(shard), ttlMillis)) {
                owned.add(shard);
                freeLastRound.remove(shard);
                gained.accept(shard);
            } else if (!mayTake && !jedis.exists(keys.lease(shard))) {
                freeLastRound.add(shard);
            } else {
                freeLastRound.remove(shard);
            }
        }
        if (owned.size() > fairShare + 1) {
            owned.stream().max(Integer::compare).ifPresent(release::accept);
        }
    }

    /** Gives a lane back once its worker has stopped, so another instance can take it at once. */
    public void release(int shard) {
        if (owned.remove(shard)) {
            lease.release(keys.lease(shard));
        }
    }

    public void releaseAll() {
        owned().forEach(this::release);
        store.jedis().zrem(keys.instances(), instanceId);
    }
}
