package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;

/**
 * Writes what a step decided (state, replies, dedupe marker, inbox acknowledgement) in one script that first
 * checks the lane's fencing token (commit-step.lua), so a step computed by an instance that has since lost the
 * lane is refused as a whole, and then that no earlier entry of the lane is pending, so a step is never committed
 * ahead of one whose commit a failover lost. One round trip, run by its SHA.
 */
@Component
class StepCommit {

    /** The lane moved to another instance while this step was being decided: nothing was written. */
    static final class Fenced extends RuntimeException {
        final int shard;
        final long token;

        Fenced(int shard, long token) {
            super("lane " + shard + " is no longer ours (token " + token + ")", null, false, false);
            this.shard = shard;
            this.token = token;
        }
    }

    /**
     * The step is behind what Redis holds now, and nothing of its commit was written: an earlier entry of the lane
     * is pending again (its commit was lost in a failover), or the master changed while the step ran (what its
     * handler wrote may be lost with the old master). The lane reads its pending entries again and does them in
     * order.
     */
    static final class Behind extends RuntimeException {
        Behind(String why) {
            super(why, null, false, false);
        }
    }

    private static final LuaScript SCRIPT = LuaScript.resource("/messaging/commit-step.lua");

    private final RedisStore store;
    private final MessagingKeys keys;
    private final JsonCodec codec;

    StepCommit(RedisStore store, MessagingKeys keys, JsonCodec codec) {
        this.store = store;
        this.keys = keys;
        this.codec = codec;
    }

    /**
     * Throws {@link Fenced} when the lane's token is no longer {@code token}, {@link Behind} when an earlier entry
     * of the lane is pending, a Jedis exception when Redis fails.
     */
    void commit(int shard, long token, StreamEntryID entryId, Inbound message, String state, List<Outbound> replies,
            long stateSeconds, long dedupeSeconds) {
        List<String> k = new ArrayList<>(List.of(keys.fence(shard), keys.conversation(message.from()),
                keys.dedupe(message.id()), keys.inbox(shard), keys.queued(message.from())));
        List<String> a = new ArrayList<>(List.of(Long.toString(token), state == null ? "0" : "1",
                state == null ? "" : state, Long.toString(stateSeconds), Long.toString(dedupeSeconds),
                entryId.toString(), MessagingKeys.GROUP));
        for (Outbound reply : replies) {
            k.add(keys.outbox(keys.shardOf(reply.to())));
            a.add(codec.write(reply));
        }
        Object result = run(k, a);
        if (Long.valueOf(2).equals(result)) {
            throw new Behind("lane " + shard + " has an entry before " + entryId + " pending");
        }
        if (!Long.valueOf(1).equals(result)) {
            throw new Fenced(shard, token);
        }
    }

    private Object run(List<String> k, List<String> a) {
        return SCRIPT.run(store, k, a);
    }
}
