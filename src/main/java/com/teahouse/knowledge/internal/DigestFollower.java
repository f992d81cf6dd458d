package com.teahouse.knowledge.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance serving the digest's latest published revision: polls {@code kb:rev} (one GET), and when it
 * moved, reads the published files, mirrors them into the serving directory and rebuilds the index on this thread,
 * off the request path; the reloader swaps the new index in atomically. A revision whose files fail to load is
 * not marked served, so it is retried; publishes are validated first, so that only happens with hand edits.
 */
public final class DigestFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigestFollower.class);

    private final DigestRepository repository;
    private final DirectoryMirror serving;
    private final BooleanSupplier reload;
    private volatile long served = -1;
    private volatile Map<String, String> files = Map.of();
    private ScheduledExecutorService poller;

    public DigestFollower(DigestRepository repository, DirectoryMirror serving, BooleanSupplier reload) {
        this.repository = repository;
        this.serving = serving;
        this.reload = reload;
    }

    /** Mirrors the published files now, without reloading (the digest loads them when it is built). */
    public synchronized void prime() {
        DigestRepository.Published p = repository.read();
        serving.sync(p.files());
        files = Map.copyOf(p.files());
        served = p.revision();
    }

    public synchronized void start(Duration interval) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-follower");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, interval.toMillis());
        poller.scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The revision this instance serves. */
    public long served() {
        return served;
    }

    /** The published files this instance serves. */
    public Map<String, String> files() {
        return files;
    }

    /** Asks the poller to look now (after a publish here), without making the caller wait for the rebuild. */
    public void nudge() {
        ScheduledExecutorService p = poller;
        if (p != null && !p.isShutdown()) {
            p.execute(this::pollOnce);
        }
    }

    public void pollOnce() {
        try {
            if (repository.revision() != served) {
                catchUp();
            }
        } catch (RuntimeException e) {
            // the poller must survive Redis hiccups, or this instance would silently stop following publishes
            log.warn("Could not follow the published digest; still serving revision {}: {}", served, e.toString());
        }
    }

    /** Brings this instance to the latest revision now; true when it serves it. */
    public synchronized boolean catchUp() {
        DigestRepository.Published p = repository.read();
        if (p.revision() == served) {
            return true;
        }
        serving.sync(p.files());
        if (reload.getAsBoolean()) {
            files = Map.copyOf(p.files());
            served = p.revision();
            log.info("Serving published digest revision {}", served);
            return true;
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        serving.delete();
    }
}
