package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
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
    private static final String RELEASE = """
            if redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end
            return 1
            """;

    /** KEYS[1] the claim, KEYS[2..] outbox streams; ARGV[1] the claim's lifetime in seconds, ARGV[2..] messages. */
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

    /** The chat's message left the lane: queued with the step's commit. */
    public void released(PipeliningBase pipeline, Inbound message) {
        pipeline.eval(RELEASE, List.of(keys.queued(message.from())), List.of());
    }

    public void inbound(PipeliningBase pipeline, Inbound message) {
        pipeline.xadd(keys.inbox(keys.shardOf(message.from())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }

    /** Into the lane of the chat it goes to, so that the lane's owner delivers it in that chat's order. */
    public void outbound(PipeliningBase pipeline, Outbound message) {
        pipeline.xadd(keys.outbox(keys.shardOf(message.to())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }

    /**
     * Appends the messages only if {@code claimKey} (a full key) is not set yet, setting it in the same script: a
     * post that several instances or a restart may attempt happens once. The response is 1 when appended.
     */
    public Response<Object> outboundOnce(PipeliningBase pipeline, String claimKey, long claimSeconds,
            List<Outbound> messages) {
        List<String> keyList = new java.util.ArrayList<>();
        List<String> args = new java.util.ArrayList<>();
        keyList.add(claimKey);
        args.add(Long.toString(claimSeconds));
        for (Outbound m : messages) {
            keyList.add(keys.outbox(keys.shardOf(m.to())));
            args.add(codec.write(m));
        }
        return pipeline.eval(ONCE, keyList, args);
    }
}
