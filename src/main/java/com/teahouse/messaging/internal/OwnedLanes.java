package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The lanes this instance holds now, each a {@link Lane} for its inbox, with its replies in the shared
 * {@link ChatQueues}: taking a lane, letting it go, and handing each lane what its tails read.
 */
final class OwnedLanes {

    private static final Logger log = LoggerFactory.getLogger(OwnedLanes.class);
    static final int MAX_BACKLOG = 2000;

    private final RedisStore store;
    private final MessagingKeys keys;
    private final ShardLeases leases;
    private final StepRunner runner;
    private final JsonCodec codec;
    private final MasterWatch master;
    private final ExecutorService workers;
    private final Duration stopWait;
    private final ChatQueues outgoing;
    private final IntConsumer replayInbox;
    private final IntConsumer replayOutbox;
    /** Runs a lane change on the lease thread (a fenced-off lane is dropped there). */
    private final Consumer<Runnable> onLeaseThread;
    private final Map<Integer, Lane> lanes = new ConcurrentHashMap<>();
    final Set<Integer> active = ConcurrentHashMap.newKeySet();

    OwnedLanes(RedisStore store, MessagingKeys keys, ShardLeases leases, StepRunner runner, JsonCodec codec,
            MasterWatch master, ExecutorService workers, Duration stopWait, ChatQueues outgoing,
            IntConsumer replayInbox, IntConsumer replayOutbox, Consumer<Runnable> onLeaseThread) {
        this.store = store;
        this.keys = keys;
        this.leases = leases;
        this.runner = runner;
        this.codec = codec;
        this.master = master;
        this.workers = workers;
        this.stopWait = stopWait;
        this.outgoing = outgoing;
        this.replayInbox = replayInbox;
        this.replayOutbox = replayOutbox;
        this.onLeaseThread = onLeaseThread;
    }

    /** Taken: its entries come from its pending ones on (a previous owner's unfinished work first). */
    void gained(int shard) {
        StreamTail.ensureGroup(store, keys.inbox(shard));
        StreamTail.ensureGroup(store, keys.outbox(shard));
        long token = leases.token(shard);
        lanes.put(shard, new Lane(shard, token, workers, runner, stale -> onLeaseThread.accept(() -> fenced(shard, stale)),
                master::epoch, () -> replayInbox.accept(shard)));
        active.add(shard);
        replayInbox.accept(shard);
        replayOutbox.accept(shard);
        log.debug("Lane {} taken", shard);
    }

    /**
     * The lanes to read now: those held, and by this instance's clock still within their lease, so that after a
     * long pause (a frozen process) nothing is read for a lane the next owner may already have.
     */
    Set<Integer> readable() {
        Set<Integer> now = new HashSet<>(active);
        now.removeIf(shard -> !leases.valid(shard));
        return now;
    }

    boolean inboxHasRoom(int shard) {
        Lane lane = lanes.get(shard);
        return lane != null && lane.backlog() < MAX_BACKLOG;
    }

    void newEntry(int shard, StreamEntry entry) {
        Lane lane = lanes.get(shard);
        if (lane != null) { // else the lane just moved away; the entry stays pending for its new owner
            lane.enqueue(entry);
        }
    }

    void replayInbox(int shard, List<StreamEntry> pending) {
        Lane lane = lanes.get(shard);
        if (lane != null) {
            lane.replay(pending);
        }
    }

    void replayOutbox(int shard, List<StreamEntry> pending) {
        outgoing.replaceShard(shard, pending.stream().map(e -> pendingReply(shard, e)).toList());
    }

    ChatQueues.Pending pendingReply(int shard, StreamEntry entry) {
        return new ChatQueues.Pending(shard, entry.getID(), codec.outbound(entry.getFields().get("m")));
    }

    /** A step of this lane was refused for a stale fencing token: another instance owns it; let it go. */
    private void fenced(int shard, long token) {
        if (leases.fencedOff(shard, token)) {
            log.warn("Lane {} was taken over by another instance while this one paused; dropped", shard);
            lost(shard);
        }
    }

    void lost(int shard) {
        lost(shard, System.nanoTime() + stopWait.toNanos());
    }

    /** Stops the lane, waiting until {@code deadline} (nanoTime) for its step in flight, which is then abandoned. */
    void lost(int shard, long deadline) {
        active.remove(shard);
        Lane lane = lanes.remove(shard);
        outgoing.dropShard(shard);
        if (lane != null) {
            try {
                if (!lane.stopAndWait(deadline)) {
                    log.warn("Lane {}: the step in flight did not finish in time and is abandoned (fencing keeps "
                            + "it from committing once another instance holds the lane)", shard);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
