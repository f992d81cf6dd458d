package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/** Appends a batch of inbound messages to their lanes' streams in one pipeline (one fsync for the batch). */
@Component
public class InboxWriter {

    private final RedisStore store;
    private final StreamWrites writes;
    private final MeterRegistry meters;

    InboxWriter(RedisStore store, StreamWrites writes, MeterRegistry meters) {
        this.store = store;
        this.writes = writes;
        this.meters = meters;
    }

    public void write(List<Inbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (var pipeline = store.jedis().pipelined()) {
            messages.forEach(message -> writes.inbound(pipeline, message));
            pipeline.sync();
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the inbox write: " + e.getMessage(), e);
        }
        for (Inbound message : messages) {
            meters.counter("teahouse.updates.received", "channel", message.from().channel()).increment();
        }
    }
}
