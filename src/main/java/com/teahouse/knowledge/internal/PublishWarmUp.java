package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the JIT compile the publish path before the first publish needs it. An instance that follows publishes applies
 * each one in a few milliseconds of CPU, but the first hundred or so publishes after start-up ran code the JIT had
 * not compiled yet: the entry check, the index update, segment flushes and merges, and searches over several
 * segments with deleted documents (which deoptimised search code compiled for one segment without deletions).
 * Measured on 2 cores, a follower's JIT compilers then took 0.71 cores while searches waited for one (search p99
 * 7.8 ms wall against 2.0 ms CPU). So, at start-up and on a low-priority thread, the same code runs on a scratch
 * index of some of the published entries: rounds of a publish (an entry edited or withdrawn, checked, applied to the
 * scratch index) and searches of the scratch generation it gives. The scratch index, its caches and its generations
 * belong to this class alone: of the served generation only the entries' texts, synonyms, citation list and decision
 * model are read, and nothing here is ever served.
 */
public final class PublishWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PublishWarmUp.class);

    /**
     * Entries copied into the scratch index (all of a digest of fewer): enough for several segments and merges, and
     * for the per-publish loops over every document (doc → entry map, deleted documents) to run often enough that
     * the JIT compiles them here; with 200 a 10,000-entry digest's follower still compiled them during its first
     * publishes (about 20 ms of compiler CPU a publish, while searches waited for a core). Few enough to build on a
     * low-priority thread in a few seconds of CPU.
     */
    static final int ENTRIES = 2000;
    /**
     * Publishes applied to the scratch index: the per-publish code (commit, reopen, segment mapping) must run often
     * enough to be compiled, and the merge policy must merge segments a few dozen times. With 400, a 10,000-entry
     * follower's compilers still took 8-14 ms of CPU for each of its first 80 publishes (search p99 5.1-5.5 ms on
     * 2 cores); with 1,000, 6-12 ms (4.2-5.0 ms), for about 20 s of low-priority CPU at start-up on that digest.
     */
    static final int ROUNDS = 1000;
    /** Where the scratch entries pretend to live; nothing is read or written there. */
    private static final Path SCRATCH = Path.of("publish-warm-up");

    private PublishWarmUp() {
    }

    /** Runs {@link #run} on a daemon thread of the lowest priority; a failure is logged and changes nothing. */
    public static Thread start(KnowledgeReloader reloader, Map<String, String> files) {
        Thread t = new Thread(() -> {
            long s = System.nanoTime();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            try {
                int applied = run(reloader, files, ROUNDS);
                log.info("Publish path warmed up: {} publishes to a scratch index in {} ms ({} ms CPU)", applied,
                        (System.nanoTime() - s) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            } catch (RuntimeException e) {
                // only compiling is lost: publishes are applied as before, and served as before
                log.warn("Could not warm up the publish path: {}", e.toString());
            }
        }, "knowledge-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // below request threads, as the follower (see DigestFollower#start)
        t.start();
        return t;
    }

    /**
     * Applies {@code rounds} publishes to a scratch index made of some of {@code files}' entries (path → text, as
     * the follower serves them), searching each generation; the number of publishes applied.
     */
    static int run(KnowledgeReloader reloader, Map<String, String> files, int rounds) {
        IndexSnapshot served = reloader.current();
        SourceCatalog catalog = reloader.catalog();
        LocalDate today = reloader.today();
        List<String> paths = files.keySet().stream().filter(p -> EntryChanges.onlyEntries(List.of(p))).sorted().toList();
        int step = Math.max(1, paths.size() / ENTRIES);
        Map<String, String> sample = new HashMap<>();
        for (int i = 0; i < paths.size() && sample.size() < ENTRIES; i += step) {
            sample.put(paths.get(i), files.get(paths.get(i)));
        }
        EntryChanges.Checked first = EntryChanges.check(SCRATCH, sample, Map.of(), catalog, today,
                new DigestLoader.ParseCache());
        if (first.upserts().size() < 2) {
            return 0;
        }
        List<String> scratchPaths = sample.keySet().stream().sorted().toList();
        AnalysisCache cache = new AnalysisCache();
        DigestSearcher searcher = new DigestSearcher();
        int applied = 0;
        try (LiveIndex index = IndexBuilder.buildLive(first.upserts(), cache)) {
            IndexSnapshot scratch = IndexBuilder.snapshot(index.reader(), first.upserts(), served.synonyms(), 0)
                    .withRanking(served.calibration(), served.entities());
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                String path = scratchPaths.get((r * 7) % scratchPaths.size());
                Map<String, String> changed = new HashMap<>();
                // one publish in five withdraws its entry (a later one puts it back): deletions as well as edits
                changed.put(path, r % 5 == 4 ? null : edited(sample.get(path), r));
                EntryChanges.Checked c = EntryChanges.check(SCRATCH, changed, scratch.byId(), catalog, today,
                        new DigestLoader.ParseCache());
                if (c.report().hasErrors()) {
                    continue;
                }
                scratch = IndexUpdate.update(scratch, index, c.upserts(), c.removed(), r + 1, cache);
                applied++;
                IndexSnapshot now = scratch;
                for (Entry e : c.upserts()) {
                    e.questionsZh().stream().limit(2).forEach(q -> searcher.ask(now, q, "zh", 5, today));
                    e.questionsEn().stream().limit(1).forEach(q -> searcher.ask(now, q, "en", 5, today));
                }
                // as long a pause as the round took: at most half a core, whether or not the JVM passes thread
                // priorities on to the OS (only with -XX:ThreadPriorityPolicy=1), so start-up and the first
                // requests keep the rest
                LockSupport.parkNanos(System.nanoTime() - start);
            }
        }
        return applied;
    }

    /**
     * The entry text with a marker of letters after the first line of its zh answer, so that each round indexes a
     * text it has not analysed yet, as a real edit does (letters: kb check compares the numbers of zh and en).
     */
    static String edited(String text, int round) {
        StringBuilder letters = new StringBuilder();
        for (int n = round + 1; n > 0; n = (n - 1) / 26) {
            letters.append((char) ('a' + (n - 1) % 26));
        }
        return text.replaceFirst("(?m)^## zh\n(.*)$", "## zh\n$1（" + letters + "）");
    }
}
