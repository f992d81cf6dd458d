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

    /**
     * {@link #post}, once: the messages are appended only if {@code claim} (a key under the store's prefix) is not
     * taken, and it is taken in the same atomic step, for {@code keep}. Several instances, or one after a restart,
     * may all call this for the same claim, and a delivery repeated after a crash may call it again; one of them
     * posts, and one that crashed before it loses nothing. Returns whether this call posted.
     */
    public boolean postOnce(String claim, java.time.Duration keep, List<Outbound> messages) {
        try {
            return writes.outboundOnce(store.jedis(), store.key(claim), Math.max(1, keep.toSeconds()), messages);
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the outbox write: " + e.getMessage(), e);
        }
    }
}
