package com.teahouse.messaging.internal;

import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import org.springframework.stereotype.Component;

/** The Redis key layout of the message path, and which lane a chat belongs to. */
@Component
public class MessagingKeys {

    public static final String GROUP = "lanes";
    /** One consumer name per stream: a lane is read by one instance at a time, so its pending list moves with it. */
    public static final String CONSUMER = "owner";

    private final RedisStore store;
    private final int shards;

    MessagingKeys(RedisStore store, MessagingProperties props) {
        this.store = store;
        this.shards = props.shards();
    }

    public int shards() {
        return shards;
    }

    public int shardOf(Address address) {
        return Math.floorMod(address.conversationKey().hashCode(), shards);
    }

    public String inbox(int shard) {
        return store.key("inbox:" + shard);
    }

    public String outbox(int shard) {
        return store.key("outbox:" + shard);
    }

    public String deadLetters() {
        return store.key("outbox:dead");
    }

    public String dedupe(String messageId) {
        return store.key("update:" + messageId);
    }

    public String conversation(Address address) {
        return store.key("conv:" + address.conversationKey());
    }

    /** A SCAN pattern for every chat's conversation state. */
    public String conversationPattern() {
        return store.key("conv:") + "*";
    }

    /** How many of a chat's messages wait in its lane (counted up at the inbox, down when the step commits). */
    public String queued(Address address) {
        return store.key("queued:" + address.conversationKey());
    }

    public String lease(int shard) {
        return store.key("lease:lane:" + shard);
    }

    /**
     * The lane's fencing counter: raised each time an instance takes the lane, never expiring, so a token handed
     * out earlier is always smaller than the current one.
     */
    public String fence(int shard) {
        return store.key("fence:lane:" + shard);
    }

    public String instances() {
        return store.key("instances");
    }
}
