package com.teahouse.messaging.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One lane's entries, run one at a time and in stream order on a shared pool. A Redis failure retries the same
 * entry (the step is idempotent) instead of skipping ahead, so a chat's order survives an outage. Each lane
 * object is one ownership of the lane, with its fencing token; a step refused for a stale token stops the lane
 * and tells {@code fenced}, which drops it (the entries stay pending in Redis for the new owner).
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private final int shard;
    private final long token;
    private final Executor pool;
    private final StepRunner runner;
    private final LongConsumer fenced;
    private final Deque<StreamEntry> queue = new ArrayDeque<>();
    private boolean running;
    private boolean stopped;

    Lane(int shard, long token, Executor pool, StepRunner runner, LongConsumer fenced) {
        this.shard = shard;
        this.token = token;
        this.pool = pool;
        this.runner = runner;
        this.fenced = fenced;
    }

    synchronized void enqueue(StreamEntry entry) {
        if (stopped) {
            return;
        }
        queue.add(entry);
        if (!running) {
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
                entry = stopped ? null : queue.poll();
                if (entry == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            runWithRetry(entry);
        }
    }

    private void runWithRetry(StreamEntry entry) {
        long backoff = 50;
        while (true) {
            try {
                runner.process(shard, token, entry.getID(), entry.getFields().get("m"));
                return;
            } catch (StepCommit.Fenced e) {
                synchronized (this) {
                    stopped = true;
                    queue.clear();
                }
                fenced.accept(token);
                return;
            } catch (JedisException e) {
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                }
                log.warn("Lane {}: Redis failed during entry {} ({}); retrying in {} ms", shard, entry.getID(),
                        e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
