package com.teahouse.messaging;

import com.teahouse.messaging.internal.StreamWrites;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * For messages nobody's message asked for: notices about a case, reminders. Replies to a user's message go
 * through {@link Step} instead, so they commit with the step. Once {@link #post} returns, delivery is certain.
 */
@Component
public class Outbox {

    private final RedisStore store;
    private final StreamWrites writes;

    Outbox(RedisStore store, StreamWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /**
     * Posts the messages unless a post under the same {@code onceKey} (a full Redis key) happened within
     * {@code remember}: the marker and the messages are written together, so a caller that repeats a delivery
     * after a crash sends nothing twice, and one that crashed before it loses nothing. Returns whether it posted.
     */
    public boolean postOnce(String onceKey, java.time.Duration remember, List<Outbound> messages) {
        try {
            return writes.outboundOnce(store.jedis(), onceKey, remember.toSeconds(), messages);
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the outbox write: " + e.getMessage(), e);
        }
    }

    public void post(List<Outbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (var tx = store.jedis().multi()) {
            messages.forEach(message -> writes.outbound(tx, message));
            tx.exec();
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the outbox write: " + e.getMessage(), e);
        }
    }
}
