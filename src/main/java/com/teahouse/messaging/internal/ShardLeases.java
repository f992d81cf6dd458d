package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.SetParams;

/**
 * Which lanes this instance owns. A lane is owned through a lease in Redis, renewed well before it expires; at
 * most one instance processes a lane, which is what keeps one chat's messages in order across instances.
 * Instances share the lanes: each takes about its fair share, so a second instance gets work too.
 */
@Component
public class ShardLeases {

    private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisStore store;
    private final MessagingKeys keys;
    private final long ttlMillis;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Set<Integer> freeLastRound = ConcurrentHashMap.newKeySet();

    ShardLeases(RedisStore store, MessagingKeys keys, MessagingProperties props) {
        this.store = store;
        this.keys = keys;
        this.ttlMillis = props.leaseTtl().toMillis();
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
            Object renewed = jedis.eval(RENEW, List.of(keys.lease(shard)), List.of(instanceId, Long.toString(ttlMillis)));
            if (!Long.valueOf(1).equals(renewed)) {
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
            if (mayTake && "OK".equals(jedis.set(keys.lease(shard), instanceId,
                    SetParams.setParams().nx().px(ttlMillis)))) {
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
            store.jedis().eval(RELEASE, List.of(keys.lease(shard)), List.of(instanceId));
        }
    }

    public void releaseAll() {
        owned().forEach(this::release);
        store.jedis().zrem(keys.instances(), instanceId);
    }
}
