package com.teahouse.store;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that one instance at a time does, under a named lease ({@code lease:<name>}): a thread that takes or renews
 * the lease before each round, runs the round only while it holds it, waits between rounds, and on stop lets the
 * round in flight finish (for a bounded time) and gives the lease back, so the next instance starts at once
 * instead of after the TTL. A failed round is logged and tried again after the pause.
 */
public final class LeaseLoop {

    private static final Logger log = LoggerFactory.getLogger(LeaseLoop.class);

    /** One round of the work, run while the lease is held. */
    @FunctionalInterface
    public interface Round {
        /** Returns true to run again at once (the round waited itself, e.g. in a blocking read). */
        boolean run() throws InterruptedException;
    }

    private final RedisStore store;
    private final String name;
    private final RedisLease lease;
    private final Duration ttl;
    private final Duration pause;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name  the lease's name (key {@code lease:<name>}) and the thread's
     * @param ttl   how long the lease outlives an instance that stopped renewing it
     * @param pause the wait after a round, and between tries while another instance holds the lease
     */
    public LeaseLoop(RedisStore store, String name, Duration ttl, Duration pause) {
        this.store = store;
        this.name = name;
        this.lease = new RedisLease(store, UUID.randomUUID().toString());
        this.ttl = ttl;
        this.pause = pause;
    }

    /** Renews the lease, or takes it when free: true while this instance holds it. */
    public boolean hold() {
        return lease.hold(key(), ttl.toMillis());
    }

    /** Starts the thread that runs {@code round} while the lease is held. */
    public synchronized void start(Round round) {
        running = true;
        thread = new Thread(() -> loop(round), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Round round) {
        while (running) {
            try {
                if (!hold() || !round.run()) {
                    Thread.sleep(pause.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("{} failed ({}); retrying", name, e.toString());
                try {
                    Thread.sleep(Math.max(pause.toMillis(), 1000));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Stops the loop: interrupts its wait, lets the round in flight finish for up to {@code finish}, then gives
     * the lease back (if the round is still running then, it is abandoned: whatever it does later is what a
     * crashed instance would leave, which the work must already survive).
     */
    public void stop(Duration finish) {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(finish.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lease.release(key());
        } catch (RuntimeException e) {
            log.debug("Lease {} not released: {}", name, e.toString());
        }
    }

    public boolean running() {
        return running;
    }

    private String key() {
        return store.key("lease:" + name);
    }
}
