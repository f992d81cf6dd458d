package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Appends a batch of inbound messages to their lanes' streams in one pipeline (one fsync for the batch), each
 * only if its chat has room in the lane, and returns once the batch is durable ({@link InboxDurability}).
 */
@Component
public class InboxWriter {

    private final RedisStore store;
    private final StreamWrites writes;
    private final MeterRegistry meters;
    private final int maxQueuedPerChat;
    private final InboxDurability durability;

    InboxWriter(RedisStore store, StreamWrites writes, MeterRegistry meters, MessagingProperties props,
            InboxDurability durability) {
        this.store = store;
        this.durability = durability;
        this.maxQueuedPerChat = props.maxQueuedPerChat();
        this.writes = writes;
        this.meters = meters;
    }

    /** Returns the messages refused because their chat already has its fill waiting in the lane. */
    public List<Inbound> write(List<Inbound> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Response<Object>> admitted = new ArrayList<>();
        try (var pipeline = store.jedis().pipelined()) {
            messages.forEach(message -> admitted.add(writes.admitInbound(pipeline, message, maxQueuedPerChat)));
            var durable = durability.await(pipeline);
            pipeline.sync();
            durability.check(durable);
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the inbox write: " + e.getMessage(), e);
        }
        List<Inbound> refused = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Inbound message = messages.get(i);
            if (Long.valueOf(0).equals(admitted.get(i).get())) {
                refused.add(message);
                meters.counter("teahouse.updates.refused", "channel", message.from().channel()).increment();
            } else {
                meters.counter("teahouse.updates.received", "channel", message.from().channel()).increment();
            }
        }
        return refused;
    }
}
