package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/** Appends a batch of inbound messages to their lanes' streams in one pipeline (one fsync for the batch). */
@Component
public class InboxWriter {

    private final RedisStore store;
    private final MessagingKeys keys;
    private final JsonCodec codec;
    private final MeterRegistry meters;

    InboxWriter(RedisStore store, MessagingKeys keys, JsonCodec codec, MeterRegistry meters) {
        this.store = store;
        this.keys = keys;
        this.codec = codec;
        this.meters = meters;
    }

    public void write(List<Inbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (var pipeline = store.jedis().pipelined()) {
            for (Inbound message : messages) {
                pipeline.xadd(keys.inbox(keys.shardOf(message.from())), XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                        Map.of("m", codec.write(message)));
            }
            pipeline.sync();
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the inbox write: " + e.getMessage(), e);
        }
        for (Inbound message : messages) {
            meters.counter("teahouse.updates.received", "channel", message.from().channel()).increment();
        }
    }
}
