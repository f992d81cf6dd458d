package com.teahouse.messaging;

import com.teahouse.messaging.internal.JsonCodec;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * For messages nobody's message asked for: notices about a case, reminders. Replies to a user's message go
 * through {@link Step} instead, so they commit with the step. Once {@link #post} returns, delivery is certain.
 */
@Component
public class Outbox {

    private final RedisStore store;
    private final MessagingKeys keys;
    private final JsonCodec codec;

    Outbox(RedisStore store, MessagingKeys keys, JsonCodec codec) {
        this.store = store;
        this.keys = keys;
        this.codec = codec;
    }

    public void post(List<Outbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (var tx = store.jedis().multi()) {
            for (Outbound message : messages) {
                tx.xadd(keys.outbox(keys.shardOf(message.to())), XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                        Map.of("m", codec.write(message)));
            }
            tx.exec();
        } catch (JedisException e) {
            throw new StoreUnavailable("Redis refused the outbox write: " + e.getMessage(), e);
        }
    }
}
