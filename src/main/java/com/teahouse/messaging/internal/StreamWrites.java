package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/** Queues the append of a message to its lane's stream on a pipeline or transaction: one entry field, "m". */
@Component
public class StreamWrites {

    private static final XAddParams NEW_ENTRY = XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY);

    private final MessagingKeys keys;
    private final JsonCodec codec;

    StreamWrites(MessagingKeys keys, JsonCodec codec) {
        this.keys = keys;
        this.codec = codec;
    }

    public void inbound(PipeliningBase pipeline, Inbound message) {
        pipeline.xadd(keys.inbox(keys.shardOf(message.from())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }

    /** Into the lane of the chat it goes to, so that the lane's owner delivers it in that chat's order. */
    public void outbound(PipeliningBase pipeline, Outbound message) {
        pipeline.xadd(keys.outbox(keys.shardOf(message.to())), NEW_ENTRY, Map.of("m", codec.write(message)));
    }
}
