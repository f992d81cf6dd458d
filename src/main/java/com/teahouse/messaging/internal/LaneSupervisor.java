package com.teahouse.messaging.internal;

import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.store.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
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
 * lanes it owns ({@link OwnedLanes}), and recovers a lane's unfinished entries when it takes the lane over (after
 * a crash or from another instance) and after a Redis failure or master change ({@link StreamTail}).
 */
@Component
public class LaneSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LaneSupervisor.class);

    private final ShardLeases leases;
    private final MessagingProperties props;
    private final ChatQueues outgoing = new ChatQueues();
    private final ExecutorService workers;
    private final ExecutorService senders;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("lane-leases"));
    private final OwnedLanes owned;
    private final StreamTail inboxTail;
    private final StreamTail outboxTail;
    private final OutboxSender sender;
    private volatile boolean running;

    LaneSupervisor(RedisStore store, MessagingKeys keys, ShardLeases leases, StepRunner runner,
            MessagingProperties props, List<ChannelOutlet> outlets, MeterRegistry meters, JsonCodec codec,
            org.springframework.context.ApplicationEventPublisher events, MessagingRetention retention,
            MasterWatch master) {
        this.leases = leases;
        this.props = props;
        this.workers = Executors.newFixedThreadPool(props.workers(), named("lane-worker"));
        this.senders = Executors.newFixedThreadPool(props.senders(), named("outbox-sender"));
        this.owned = new OwnedLanes(store, keys, leases, runner, codec, master, workers, props.stopWait(), outgoing,
                this::replayInbox, this::replayOutbox, this::onTicker);
        this.inboxTail = new StreamTail(store, keys::inbox, owned::readable, owned::inboxHasRoom, owned::newEntry,
                owned::replayInbox, master::epoch);
        this.outboxTail = new StreamTail(store, keys::outbox, owned::readable,
                shard -> outgoing.size() < OwnedLanes.MAX_BACKLOG * 4,
                (shard, entry) -> outgoing.add(owned.pendingReply(shard, entry)), owned::replayOutbox, master::epoch);
        this.sender = new OutboxSender(store, keys, outgoing, outlets, senders, meters, codec, events,
                retention.deadLettersMax(), leases::valid);
        meters.gauge("teahouse.lanes.owned", owned.active, Set::size);
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
        return running && !owned.active.isEmpty();
    }

    private void tick() {
        try {
            leases.tick(owned::gained, owned::lost, this::release);
        } catch (RuntimeException e) {
            log.warn("Lane lease round failed: {}", e.getMessage());
        }
    }

    private void replayInbox(int shard) {
        inboxTail.replay(shard);
    }

    private void replayOutbox(int shard) {
        outboxTail.replay(shard);
    }

    private void onTicker(Runnable task) {
        try {
            ticker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Stopping: lane change not applied");
        }
    }

    private void release(int shard) {
        owned.active.remove(shard);
        // let a blocking read that still includes this lane finish, so nothing it returns is left unseen
        pause(StreamTail.BLOCK_MILLIS + 150);
        owned.lost(shard);
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
        Set.copyOf(owned.active).forEach(shard -> owned.lost(shard, deadline));
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
