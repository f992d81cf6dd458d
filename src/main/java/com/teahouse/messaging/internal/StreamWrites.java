package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/** Queues the append of a message to its lane's stream on a pipeline or transaction: one entry field, "m". */
@Component
public class StreamWrites {

    private static final XAddParams NEW_ENTRY = XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY);

    private static final String ADMIT = """
            local n = redis.call('INCR', KEYS[1])
            if n > tonumber(ARGV[1]) then
              redis.call('DECR', KEYS[1])
              return 0
            end
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            redis.call('XADD', KEYS[2], '*', 'm', ARGV[2])
            return 1
            """;
    /** KEYS: 1 queued count, 2 inbox; ARGV: 1 group, 2 entry id. Counts down only if the entry was pending. */
    private static final String RELEASE = """
            if redis.call('XACK', KEYS[2], ARGV[1], ARGV[2]) == 1 and redis.call('DECR', KEYS[1]) <= 0 then
              redis.call('DEL', KEYS[1])
            end
            return 1
            """;

    /** KEYS: 1 marker, 2.. each message's outbox; ARGV: 1 marker TTL s, 2.. each message. 1: posted, 0: done before. */
    private static final String ONCE = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
            for i = 2, #KEYS do redis.call('XADD', KEYS[i], '*', 'm', ARGV[i]) end
            return 1
            """;

    private final MessagingKeys keys;
    private final JsonCodec codec;

    StreamWrites(MessagingKeys keys, JsonCodec codec) {
        this.keys = keys;
        this.codec = codec;
    }

    /**
     * Appends the message unless its chat already has {@code maxQueued} waiting, atomically (one script). The
     * count expires after an hour without new messages, so a count left behind by a lost step heals itself.
     * The response is 1 when appended, 0 when refused.
     */
    public Response<Object> admitInbound(PipeliningBase pipeline, Inbound message, int maxQueued) {
        return pipeline.eval(ADMIT, List.of(keys.queued(message.from()), keys.inbox(keys.shardOf(message.from()))),
                List.of(Integer.toString(maxQueued), codec.write(message), "3600"));
    }

    /**
     * The chat's message left the lane without a step (a duplicate): acknowledges its entry and counts it out of
     * the chat's queue, once, even when the entry is run again after a replay of the lane.
     */
    public void released(PipeliningBase pipeline, Inbound message, int shard, StreamEntryID entryId) {
        pipeline.eval(RELEASE, List.of(keys.queued(message.from()), keys.inbox(shard)),
                List.of(MessagingKeys.GROUP, entryId.toString()));
    }

    public void inbound(PipeliningBase pipeline, Inbound message) {
        pipeline.xadd(keys.inbox(keys.shardOf(message.from())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }

    /**
     * Appends the messages to their outboxes and sets {@code marker} in one script, unless the marker is set
     * already: a delivery repeated after a crash, or a post several instances attempt, happens once. Returns
     * whether it posted.
     */
    public boolean outboundOnce(UnifiedJedis jedis, String marker, long markerSeconds, List<Outbound> messages) {
        List<String> k = new java.util.ArrayList<>(List.of(marker));
        List<String> a = new java.util.ArrayList<>(List.of(Long.toString(markerSeconds)));
        for (Outbound message : messages) {
            k.add(keys.outbox(keys.shardOf(message.to())));
            a.add(codec.write(message));
        }
        return Long.valueOf(1).equals(jedis.eval(ONCE, k, a));
    }

    /** Into the lane of the chat it goes to, so that the lane's owner delivers it in that chat's order. */
    public void outbound(PipeliningBase pipeline, Outbound message) {
        pipeline.xadd(keys.outbox(keys.shardOf(message.to())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }
}
