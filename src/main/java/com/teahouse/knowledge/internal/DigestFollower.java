package com.teahouse.knowledge.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance serving the digest's latest published revision. A thread blocks on the change log
 * ({@link DigestChangeLog}), so a publish on any instance wakes it at once; every wake-up, and at the latest every
 * poll interval, it compares {@code kb:rev} with the revision served (the safety net for a missed or trimmed log).
 * To catch up it reads only the documents changed since (all of them when the log does not reach back), mirrors
 * them into the serving directory and lets the digest apply them: entry changes go into the live index, anything
 * else (synonyms, sources…) rebuilds it. The digest swaps the new generation in atomically. A revision whose files
 * fail to load is not marked served, so it is retried; publishes are validated first, so that only happens with
 * hand edits.
 */
public final class DigestFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigestFollower.class);

    private final DigestRepository repository;
    private final DigestChangeLog changes;
    private final DirectoryMirror serving;
    private final BooleanSupplier reload;
    private final Predicate<Map<String, String>> apply;
    private volatile long served = -1;
    /**
     * The files served, kept as those of the last full read ({@code base}) and the changes applied since
     * ({@code changed}, null: withdrawn), put together only when someone asks ({@link #files}): copying the
     * 10,000 files on every publish was most of what a follower did for it, and only an instance that checks a
     * publish needs them. All three guarded by {@code this}.
     */
    private Map<String, String> base = Map.of();
    private final Map<String, String> changed = new HashMap<>();
    private Map<String, String> files = Map.of();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param reload loads the whole serving directory; true when it serves it
     * @param apply  applies changed documents (path → text, null when withdrawn) already mirrored; true when served
     */
    public DigestFollower(DigestRepository repository, DigestChangeLog changes, DirectoryMirror serving,
                          BooleanSupplier reload, Predicate<Map<String, String>> apply) {
        this.repository = repository;
        this.changes = changes;
        this.serving = serving;
        this.reload = reload;
        this.apply = apply;
    }

    /** Mirrors the published files now, without reloading (the digest loads them when it is built). */
    public synchronized void prime() {
        DigestRepository.Published p = repository.read();
        serving.sync(p.files());
        base = Map.copyOf(p.files());
        changed.clear();
        files = base;
        served = p.revision();
    }

    public synchronized void start(Duration interval) {
        int block = (int) Math.max(50, Math.min(interval.toMillis(), 2000));
        running = true;
        thread = new Thread(() -> follow(block), "knowledge-follower");
        thread.setDaemon(true);
        // applying a publish is the one thing this thread does, and it can wait for the cores where a search
        // cannot: below the request threads. HotSpot passes Java priorities on to Linux only with
        // -XX:ThreadPriorityPolicy=1 (MIN_PRIORITY is then nice +4); without it this changes nothing.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void follow(int blockMillis) {
        String last = null;
        while (running) {
            try {
                last = last == null ? changes.lastChange() : last;
                last = changes.awaitChange(last, blockMillis);
                pollOnce();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the follower must survive Redis hiccups, or this instance would silently stop following publishes
                log.warn("Could not follow the published digest; still serving revision {}: {}", served, e.toString());
                java.util.concurrent.locks.LockSupport.parkNanos(blockMillis * 1_000_000L);
            }
        }
    }

    /** The revision this instance serves. */
    public long served() {
        return served;
    }

    /** The published files this instance serves; the same map until the next revision is served. */
    public synchronized Map<String, String> files() {
        if (files == null) {
            // the served files with the changes since laid over them (null: withdrawn): copying the 10,000 texts
            // after every publish was 40% of a publish call's CPU on the big digest
            base = LayeredMap.patch(base, changed);
            changed.clear();
            files = base;
        }
        return files;
    }

    public void pollOnce() {
        if (repository.revision() != served) {
            catchUp();
        }
    }

    /** Brings this instance to the latest revision now; true when it serves it. */
    public synchronized boolean catchUp() {
        DigestChangeLog.Changes c = changes.changesSince(served);
        if (c.revision() == served) {
            return true;
        }
        boolean ok;
        if (c.changed() == null) {
            DigestRepository.Published p = repository.read();
            serving.sync(p.files());
            ok = reload.getAsBoolean();
            if (ok) {
                base = Map.copyOf(p.files());
                changed.clear();
                files = base;
            }
            c = new DigestChangeLog.Changes(p.revision(), null);
        } else {
            serving.apply(c.changed());
            ok = apply.test(c.changed());
            if (ok) {
                changed.putAll(c.changed());
                files = null;
            }
        }
        if (ok) {
            served = c.revision();
            log.info("Serving published digest revision {}", served);
        }
        return ok;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        serving.delete();
    }
}
