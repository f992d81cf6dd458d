package com.teahouse.messaging.internal;

import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.store.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the message path in this instance: keeps the lane leases, follows the inbox and outbox streams of the
 * lanes it owns, and recovers a lane's unfinished entries when it takes the lane over (after a crash or from
 * another instance).
 */
@Component
public class LaneSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LaneSupervisor.class);
    private static final int MAX_BACKLOG = 2000;

    private final RedisStore store;
    private final MessagingKeys keys;
    private final ShardLeases leases;
    private final StepRunner runner;
    private final MessagingProperties props;
    private final JsonCodec codec;
    private final ChatQueues outgoing = new ChatQueues();
    private final Map<Integer, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Integer> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ExecutorService senders;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("lane-leases"));
    private final StreamTail inboxTail;
    private final StreamTail outboxTail;
    private final OutboxSender sender;
    private volatile boolean running;

    LaneSupervisor(RedisStore store, MessagingKeys keys, ShardLeases leases, StepRunner runner,
            MessagingProperties props, List<ChannelOutlet> outlets, MeterRegistry meters, JsonCodec codec,
            org.springframework.context.ApplicationEventPublisher events, MessagingRetention retention) {
        this.store = store;
        this.keys = keys;
        this.leases = leases;
        this.runner = runner;
        this.props = props;
        this.codec = codec;
        this.workers = Executors.newFixedThreadPool(props.workers(), named("lane-worker"));
        this.senders = Executors.newFixedThreadPool(props.senders(), named("outbox-sender"));
        this.inboxTail = new StreamTail(store, keys::inbox, this::readable,
                shard -> lanes.containsKey(shard) && lanes.get(shard).backlog() < MAX_BACKLOG,
                (shard, entry) -> {
                    Lane lane = lanes.get(shard);
                    if (lane != null) { // else the lane just moved away; the entry stays pending for its new owner
                        lane.enqueue(entry);
                    }
                });
        this.outboxTail = new StreamTail(store, keys::outbox, this::readable,
                shard -> outgoing.size() < MAX_BACKLOG * 4,
                (shard, entry) -> outgoing.add(new ChatQueues.Pending(shard, entry.getID(),
                        codec.outbound(entry.getFields().get("m")))));
        this.sender = new OutboxSender(store, keys, outgoing, outlets, senders, meters, codec, events,
                retention.deadLettersMax(), leases::valid);
        meters.gauge("teahouse.lanes.owned", active, Set::size);
    }

    @Override
    public void start() {
        running = true;
        named("inbox-tail").newThread(inboxTail).start();
        named("outbox-tail").newThread(outboxTail).start();
        named("outbox-dispatch").newThread(sender).start();
        long period = Math.max(200, props.leaseTtl().toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** True once this instance holds at least one lane (or all lanes are held by live instances). */
    public boolean ready() {
        return running && !active.isEmpty();
    }

    private void tick() {
        try {
            leases.tick(this::gained, this::lost, this::release);
        } catch (RuntimeException e) {
            log.warn("Lane lease round failed: {}", e.getMessage());
        }
    }

    private void gained(int shard) {
        StreamTail.ensureGroup(store, keys.inbox(shard));
        StreamTail.ensureGroup(store, keys.outbox(shard));
        long token = leases.token(shard);
        Lane lane = new Lane(shard, token, workers, runner, stale -> onTicker(() -> fenced(shard, stale)));
        lanes.put(shard, lane);
        var unfinished = StreamTail.pending(store, keys.inbox(shard));
        unfinished.forEach(lane::enqueue);
        var unsent = StreamTail.pending(store, keys.outbox(shard));
        unsent.forEach(e -> outgoing.add(new ChatQueues.Pending(shard, e.getID(),
                codec.outbound(e.getFields().get("m")))));
        if (!unfinished.isEmpty() || !unsent.isEmpty()) {
            log.info("Lane {}: recovered {} unfinished message(s) and {} unsent reply(ies)", shard,
                    unfinished.size(), unsent.size());
        }
        active.add(shard);
        log.debug("Lane {} taken", shard);
    }

    /**
     * The lanes to read now: those held, and by this instance's clock still within their lease, so that after a
     * long pause (a frozen process) nothing is read for a lane the next owner may already have.
     */
    private Set<Integer> readable() {
        Set<Integer> now = new java.util.HashSet<>(active);
        now.removeIf(shard -> !leases.valid(shard));
        return now;
    }

    private void onTicker(Runnable task) {
        try {
            ticker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Stopping: lane change not applied");
        }
    }

    /** A step of this lane was refused for a stale fencing token: another instance owns it; let it go. */
    private void fenced(int shard, long token) {
        if (leases.fencedOff(shard, token)) {
            log.warn("Lane {} was taken over by another instance while this one paused; dropped", shard);
            lost(shard);
        }
    }

    private void lost(int shard) {
        lost(shard, System.nanoTime() + props.stopWait().toNanos());
    }

    /** Stops the lane, waiting until {@code deadline} (nanoTime) for its step in flight, which is then abandoned. */
    private void lost(int shard, long deadline) {
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

    private void release(int shard) {
        active.remove(shard);
        // let a blocking read that still includes this lane finish, so nothing it returns is left unseen
        pause(StreamTail.BLOCK_MILLIS + 150);
        lost(shard);
        leases.release(shard);
        log.info("Lane {} handed over to share the work with another instance", shard);
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        inboxTail.stop();
        outboxTail.stop();
        sender.stop();
        // one bound for everything in flight, so that a stuck step cannot hold the stop up (issue 12: 10 s)
        long deadline = System.nanoTime() + props.stopWait().toNanos();
        Set.copyOf(active).forEach(shard -> lost(shard, deadline));
        workers.shutdown();
        senders.shutdown();
        try {
            workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            senders.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            // an abandoned step is left to finish (not interrupted, which could make it commit a failure reply):
            // once another instance holds its lane, the new fencing token refuses its commit
            leases.releaseAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not release lane leases on shutdown ({}); they expire by themselves", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the channels' own lifecycles stop (they stop first: higher phase), after Redis is up. */
    @Override
    public int getPhase() {
        return 0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
