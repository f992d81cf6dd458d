package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Follows the streams of the lanes this instance owns (one blocking read for all of them) and hands each new
 * entry to a sink. Used for the inbox and for the outbox.
 */
final class StreamTail implements Runnable {

    static final int BLOCK_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(StreamTail.class);

    private final RedisStore store;
    private final IntFunction<String> streamKey;
    private final Supplier<Set<Integer>> active;
    private final IntPredicate hasRoom;
    private final BiConsumer<Integer, StreamEntry> sink;
    private volatile boolean running = true;

    StreamTail(RedisStore store, IntFunction<String> streamKey, Supplier<Set<Integer>> active, IntPredicate hasRoom,
            BiConsumer<Integer, StreamEntry> sink) {
        this.store = store;
        this.streamKey = streamKey;
        this.active = active;
        this.hasRoom = hasRoom;
        this.sink = sink;
    }

    static void ensureGroup(RedisStore store, String key) {
        try {
            store.jedis().xgroupCreate(key, MessagingKeys.GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries delivered to this lane's consumer but never acknowledged: a previous owner's unfinished work. */
    static List<StreamEntry> pending(RedisStore store, String key) {
        List<StreamEntry> all = new ArrayList<>();
        StreamEntryID from = new StreamEntryID(0, 0);
        while (true) {
            var read = store.jedis().xreadGroup(MessagingKeys.GROUP, MessagingKeys.CONSUMER,
                    XReadGroupParams.xReadGroupParams().count(500), Map.of(key, from));
            if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
                return all;
            }
            List<StreamEntry> batch = read.get(0).getValue();
            all.addAll(batch);
            from = batch.get(batch.size() - 1).getID();
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            Map<String, Integer> shardOfKey = new HashMap<>();
            Map<String, StreamEntryID> streams = new HashMap<>();
            for (int shard : active.get()) {
                if (hasRoom.test(shard)) {
                    shardOfKey.put(streamKey.apply(shard), shard);
                    streams.put(streamKey.apply(shard), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
                }
            }
            if (streams.isEmpty()) {
                pause(100);
                continue;
            }
            try {
                var read = store.jedis().xreadGroup(MessagingKeys.GROUP, MessagingKeys.CONSUMER,
                        XReadGroupParams.xReadGroupParams().count(200).block(BLOCK_MILLIS), streams);
                if (read != null) {
                    for (var stream : read) {
                        int shard = shardOfKey.get(stream.getKey());
                        stream.getValue().forEach(entry -> sink.accept(shard, entry));
                    }
                }
            } catch (JedisException e) {
                if (running) {
                    log.warn("Reading lanes failed ({}); retrying", e.getMessage());
                    pause(500);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
