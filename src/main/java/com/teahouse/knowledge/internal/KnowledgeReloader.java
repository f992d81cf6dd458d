package com.teahouse.knowledge.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the current {@link IndexSnapshot} in an AtomicReference and replaces it when the knowledge
 * directory changes. Queries read the reference once and keep that snapshot, so a swap never
 * disturbs a query in flight. A load with errors is logged, counted and otherwise ignored: the
 * previous snapshot keeps serving until the files are fixed.
 */
public final class KnowledgeReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final Path dir;
    private final Clock clock;
    private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    /** Tokens of the serving generation, so a reload re-analyses only what changed. */
    private final AnalysisCache analysisCache = new AnalysisCache();
    private final DigestLoader.ParseCache parseCache = new DigestLoader.ParseCache();
    private final Counter failures;
    private final Counter reloads;
    private volatile DirectoryFingerprint seen;
    /** The serving generation's index, open for {@link #apply}; and the citation list it was loaded with. */
    private LiveIndex live;
    private volatile SourceCatalog catalog = SourceCatalog.empty();
    private ScheduledExecutorService poller;

    public KnowledgeReloader(Path dir, MeterRegistry registry, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.failures = Counter.builder("teahouse.knowledge.reload.failures")
                .description("knowledge reloads rejected because the digest had errors").register(registry);
        this.reloads = Counter.builder("teahouse.knowledge.reloads")
                .description("knowledge index generations put into service").register(registry);
        Gauge.builder("teahouse.knowledge.entries", current, r -> r.get() == null ? 0 : r.get().size())
                .description("entries in the serving index").register(registry);
        Gauge.builder("teahouse.knowledge.meanings.pending", Meanings.shared(), Meanings::pending)
                .description("English entry texts loaded but not yet encoded for the meaning evidence").register(registry);
        current.set(IndexBuilder.empty());
        if (!Files.isDirectory(dir)) {
            log.warn("Knowledge directory {} does not exist: serving an empty digest (set teahouse.knowledge.dir)",
                    dir.toAbsolutePath());
        }
        seen = DirectoryFingerprint.of(dir);
        if (Files.isDirectory(dir)) {
            reload();
        }
    }

    public IndexSnapshot current() {
        return current.get();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Starts polling the directory; a change is served within one interval plus the rebuild. */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-reloader");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, interval.toMillis());
        poller.scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One poll: rebuild if anything under the directory changed since the last look. */
    void pollOnce() {
        try {
            DirectoryFingerprint now = DirectoryFingerprint.of(dir);
            if (!now.equals(seen)) {
                seen = now;
                reload();
            }
        } catch (RuntimeException e) {
            // the poller must survive anything, or reloads would silently stop
            log.error("Knowledge reload crashed; keeping the serving index", e);
            failures.increment();
        }
    }

    /** Loads and, when the digest has no errors, swaps in a new snapshot. Returns whether it did. */
    public synchronized boolean reload() {
        DigestLoader.Loaded loaded = DigestLoader.load(dir, today(), parseCache);
        if (loaded.report().hasErrors()) {
            failures.increment();
            log.error("Knowledge in {} has {} error(s); still serving generation {} ({} entries):\n{}", dir,
                    loaded.report().errorCount(), current.get().generation(), current.get().size(),
                    String.join("\n", loaded.report().problems().stream().filter(Problem::isError)
                            .map(p -> p.format(dir)).toList()));
            return false;
        }
        loaded.report().problems().forEach(p -> log.warn("{}", p.format(dir)));
        LiveIndex index = IndexBuilder.buildLive(loaded.entries(), analysisCache);
        IndexSnapshot next = IndexBuilder.snapshot(index.reader(), loaded.entries(), loaded.synonyms(),
                generation.incrementAndGet()).withRanking(loaded.calibration(), loaded.entities());
        catalog = loaded.catalog();
        current.set(next);
        Meanings.shared().warmUp(loaded.entries());
        if (live != null) {
            live.close();
        }
        live = index;
        reloads.increment();
        log.info("Knowledge generation {} serving {} entries from {}", next.generation(), next.size(), dir);
        return true;
    }

    /**
     * Serves a change to entry files only (path relative to the directory → text, null when withdrawn; the files
     * are already written there) without reloading the rest: the changed files get kb check's rules (see
     * {@link EntryChanges}) and only their documents are indexed again. False, and nothing served, on errors.
     */
    public synchronized boolean apply(java.util.Map<String, String> changed) {
        if (live == null || !EntryChanges.onlyEntries(changed.keySet())) {
            return reload();
        }
        IndexSnapshot base = current.get();
        EntryChanges.Checked c = EntryChanges.check(dir, changed, base.byId(), catalog, today(), parseCache);
        if (c.report().hasErrors()) {
            failures.increment();
            log.error("Changed entries in {} have {} error(s); still serving generation {}:\n{}", dir,
                    c.report().errorCount(), base.generation(), String.join("\n", c.report().problems().stream()
                            .filter(Problem::isError).map(p -> p.format(dir)).toList()));
            return false;
        }
        c.report().problems().forEach(p -> log.warn("{}", p.format(dir)));
        IndexSnapshot next = IndexUpdate.update(base, live, c.upserts(), c.removed(), generation.incrementAndGet(),
                analysisCache);
        current.set(next);
        Meanings.shared().warmUp(c.upserts());
        reloads.increment();
        log.info("Knowledge generation {} serving {} entries ({} changed, {} withdrawn)", next.generation(),
                next.size(), c.upserts().size(), c.removed().size());
        return true;
    }

    /** The citation list of the serving generation. */
    public SourceCatalog catalog() {
        return catalog;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        if (live != null) {
            live.close();
            live = null;
        }
    }
}
