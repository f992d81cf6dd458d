package com.teahouse.messaging.internal;

import com.teahouse.store.RedisLease;
import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which lanes this instance owns. A lane is owned through a lease in Redis, renewed well before it expires; at
 * most one instance processes a lane, which is what keeps one chat's messages in order across instances.
 * Instances share the lanes: each takes about its fair share, so a second instance gets work too.
 * <p>
 * Taking a lane also raises its fencing counter (one script), and the value is this ownership's token: a step
 * commits only while its token is still the lane's current one ({@link StepCommit}), so an instance that paused
 * past its lease cannot write after the next owner took over. Locally, a lane counts as held only until its
 * lease would have expired since the last successful renewal ({@link #valid}), so after a long pause the
 * instance stops reading and sending for that lane before it even learns from Redis that it lost it.
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
    private final Map<Integer, Long> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, Long> validUntilNanos = new ConcurrentHashMap<>();

    /** SET NX PX the lease; when taken, INCR the lane's fencing counter and return it (0: not taken). */
    private static final LuaScript ACQUIRE = LuaScript.of("acquire-lane", """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """);

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

    /** Owned, and by this instance's own clock the lease cannot have expired since it was last renewed. */
    public boolean valid(int shard) {
        Long until = validUntilNanos.get(shard);
        return until != null && owned.contains(shard) && System.nanoTime() - until < 0;
    }

    /** The fencing token of this instance's ownership of the lane; 0 when not owned. */
    public long token(int shard) {
        return tokens.getOrDefault(shard, 0L);
    }

    /**
     * A commit of this ownership was fenced off: the lane belongs to another instance. Forgets it (without
     * releasing: the lease is not ours) unless the lane was taken again since, under a newer token.
     */
    public boolean fencedOff(int shard, long token) {
        if (tokens.remove(shard, token)) {
            owned.remove(shard);
            validUntilNanos.remove(shard);
            return true;
        }
        return false;
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
            long asked = System.nanoTime();
            if (lease.renew(keys.lease(shard), ttlMillis)) {
                validUntilNanos.put(shard, asked + TimeUnit.MILLISECONDS.toNanos(ttlMillis));
            } else {
                owned.remove(shard);
                tokens.remove(shard);
                validUntilNanos.remove(shard);
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
            if (mayTake && acquire(shard)) {
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

    private boolean acquire(int shard) {
        long asked = System.nanoTime();
        Object token = ACQUIRE.run(store, List.of(keys.lease(shard), keys.fence(shard)),
                List.of(instanceId, Long.toString(ttlMillis)));
        if (!(token instanceof Long t) || t == 0) {
            return false;
        }
        tokens.put(shard, t);
        validUntilNanos.put(shard, asked + TimeUnit.MILLISECONDS.toNanos(ttlMillis));
        owned.add(shard);
        return true;
    }

    /** Gives a lane back once its worker has stopped, so another instance can take it at once. */
    public void release(int shard) {
        if (owned.remove(shard)) {
            tokens.remove(shard);
            validUntilNanos.remove(shard);
            lease.release(keys.lease(shard));
        }
    }

    public void releaseAll() {
        owned().forEach(this::release);
        store.jedis().zrem(keys.instances(), instanceId);
    }
}
