package com.teahouse.messaging.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One lane's entries, run one at a time and in stream order on a shared pool. Each lane object is one ownership
 * of the lane, with its fencing token; a step refused for a stale token stops the lane and tells {@code fenced},
 * which drops it (the entries stay pending in Redis for the new owner).
 *
 * <p>One error policy: after a Redis failure, a step refused because an earlier entry is pending again
 * ({@link StepCommit.Behind}), or a master change ({@link MasterWatch}), the lane drops what it holds in memory,
 * waits out a backoff (after a failure) and asks its tail to read its pending entries again
 * ({@code wantReplay}); it runs nothing until they come ({@link #replay}), and then goes on from the oldest. So a
 * commit lost in a failover is done again before any later entry of the chat (order, at least once), and an
 * outage does not make the lane skip ahead. A new lane waits for its first replay too: a previous owner's
 * unfinished entries come first.
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private final int shard;
    private final long token;
    private final Executor pool;
    private final StepRunner runner;
    private final LongConsumer fenced;
    private final LongSupplier masterEpoch;
    private final Runnable wantReplay;
    private final Deque<StreamEntry> queue = new ArrayDeque<>();
    private boolean awaitingReplay = true;
    private boolean replayed;
    private long epoch;
    private long backoff = 50;
    private boolean running;
    private boolean stopped;

    Lane(int shard, long token, Executor pool, StepRunner runner, LongConsumer fenced, LongSupplier masterEpoch,
            Runnable wantReplay) {
        this.shard = shard;
        this.token = token;
        this.pool = pool;
        this.runner = runner;
        this.fenced = fenced;
        this.masterEpoch = masterEpoch;
        this.wantReplay = wantReplay;
    }

    /** A new entry ('>'); ignored while a replay is awaited, which reads it again (it is pending by now). */
    synchronized void enqueue(StreamEntry entry) {
        if (stopped || awaitingReplay) {
            return;
        }
        queue.add(entry);
        start();
    }

    /** The lane's pending entries, oldest first, read after everything handed over so far: they replace it. */
    synchronized void replay(List<StreamEntry> pending) {
        if (stopped) {
            return;
        }
        if (!replayed && !pending.isEmpty()) {
            log.info("Lane {}: recovered {} unfinished message(s)", shard, pending.size());
        }
        replayed = true;
        awaitingReplay = false;
        epoch = masterEpoch.getAsLong();
        queue.clear();
        // the entry in flight, if pending, comes again: a second run finds it done (dedupe marker) and only acks it
        queue.addAll(pending);
        start();
    }

    private void start() {
        if (!running && !queue.isEmpty()) {
            running = true;
            pool.execute(this::drain);
        }
    }

    synchronized int backlog() {
        return queue.size();
    }

    /**
     * Stops taking entries and waits for the one in progress, until {@code deadline} ({@link System#nanoTime});
     * the rest stay pending in Redis for the next owner. Returns false when the step was still running then: it
     * is abandoned, which is safe because its commit checks the lane's fencing token (a new owner's token refuses
     * it) and an uncommitted entry stays pending for whoever holds the lane next.
     */
    synchronized boolean stopAndWait(long deadline) throws InterruptedException {
        stopped = true;
        queue.clear();
        while (running) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(Math.min(100, left));
        }
        return true;
    }

    private void drain() {
        while (true) {
            StreamEntry entry;
            synchronized (this) {
                if (!stopped && masterEpoch.getAsLong() != epoch) {
                    askReplay(); // entries read from the old master may be ahead of what is pending now
                }
                entry = stopped || awaitingReplay ? null : queue.poll();
                if (entry == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            run(entry); // after a failure the loop finds the lane waiting for its replay, or replayed already
        }
    }

    private void run(StreamEntry entry) {
        try {
            // a pending entry whose content is gone reads as unreadable and is set aside, never blocking the lane
            runner.process(shard, token, entry.getID(), entry.getFields() == null ? null : entry.getFields().get("m"));
            backoff = 50;
        } catch (StepCommit.Fenced e) {
            synchronized (this) {
                stopped = true;
                queue.clear();
            }
            fenced.accept(token);
        } catch (JedisException | StepCommit.Behind e) {
            log.warn("Lane {}: entry {} not done ({}); reading the lane's pending entries again in {} ms", shard,
                    entry.getID(), e.getMessage(), backoff);
            sleep(backoff);
            backoff = Math.min(backoff * 2, 5000);
            synchronized (this) {
                if (!stopped) {
                    askReplay();
                }
            }
        }
    }

    private void askReplay() {
        queue.clear();
        awaitingReplay = true;
        wantReplay.run();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
