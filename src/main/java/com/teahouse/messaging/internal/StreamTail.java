package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
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
 *
 * <p>A lane's entries are handed over in stream order from one consistent view: first its pending entries (read
 * from id 0), then new ones ('>'). The pending ones are read again, replacing what the sink holds in memory
 * ({@code replay}), when the lane is taken, when its consumer asks ({@link #replay(int)}: its step failed), after
 * a failed read (a read whose answer was lost still delivered its entries) and after a master change
 * ({@link MasterWatch}: commits lost in a failover leave their entries pending again, reads lost leave them
 * undelivered again). Both kinds of read run on this one thread, so no new entry overtakes a replayed one; a
 * lane waiting for its replay is not read with '>'.
 */
final class StreamTail implements Runnable {

    static final int BLOCK_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(StreamTail.class);

    private final RedisStore store;
    private final IntFunction<String> streamKey;
    private final Supplier<Set<Integer>> active;
    private final IntPredicate hasRoom;
    private final BiConsumer<Integer, StreamEntry> sink;
    private final BiConsumer<Integer, List<StreamEntry>> replay;
    private final LongSupplier masterEpoch;
    private final Set<Integer> replayWanted = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    StreamTail(RedisStore store, IntFunction<String> streamKey, Supplier<Set<Integer>> active, IntPredicate hasRoom,
            BiConsumer<Integer, StreamEntry> sink, BiConsumer<Integer, List<StreamEntry>> replay,
            LongSupplier masterEpoch) {
        this.store = store;
        this.streamKey = streamKey;
        this.active = active;
        this.hasRoom = hasRoom;
        this.sink = sink;
        this.replay = replay;
        this.masterEpoch = masterEpoch;
    }

    /** Reads the lane's pending entries again and hands them to {@code replay} before any new one. */
    void replay(int shard) {
        replayWanted.add(shard);
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
        long epoch = masterEpoch.getAsLong();
        while (running) {
            Set<Integer> now = active.get();
            long current = masterEpoch.getAsLong();
            if (current != epoch) {
                epoch = current;
                replayWanted.addAll(now);
            }
            if (!replayRequested(now)) {
                pause(500);
                continue;
            }
            Map<String, Integer> shardOfKey = new HashMap<>();
            Map<String, StreamEntryID> streams = new HashMap<>();
            for (int shard : now) {
                if (!replayWanted.contains(shard) && hasRoom.test(shard)) {
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
                    // the read may have delivered entries whose answer never came: they are pending now
                    replayWanted.addAll(shardOfKey.values());
                    log.warn("Reading lanes failed ({}); retrying", e.getMessage());
                    pause(500);
                }
            }
        }
    }

    /** Replays the lanes that asked for it; false when Redis failed (the rest stay asked for). */
    private boolean replayRequested(Set<Integer> now) {
        for (int shard : now) {
            if (!replayWanted.remove(shard)) {
                continue;
            }
            try {
                replay.accept(shard, pending(store, streamKey.apply(shard)));
            } catch (JedisException e) {
                replayWanted.add(shard);
                if (running) {
                    log.warn("Reading lane {}'s pending entries failed ({}); retrying", shard, e.getMessage());
                }
                return false;
            }
        }
        return true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
