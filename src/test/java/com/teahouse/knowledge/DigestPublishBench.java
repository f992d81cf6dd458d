package com.teahouse.knowledge;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;
import com.teahouse.store.internal.EmbeddedRedis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.JedisPooled;

/**
 * Two instances following one real redis-server, on the 10,000-entry digest of {@link KnowledgeBench}: how long a
 * publish takes (validation of the whole would-be digest and the atomic write), how long until both instances serve
 * it (p50/p99; the target is p99 <= 5 s), and search latency on instance B while the publishes happen.
 *
 * <pre>mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.teahouse.knowledge.DigestPublishBench</pre>
 */
public final class DigestPublishBench {

    private DigestPublishBench() {
    }

    public static void main(String[] args) throws Exception {
        int publishes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("publish-bench");
        List<String> questions = KnowledgeBench.generate(Path.of("knowledge"), dir);
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("publish-bench-redis"));
             JedisPooled jedis = new JedisPooled(URI.create(redis.url()))) {
            RedisStore store = new RedisStore(jedis, "bench:");
            KnowledgeProperties props = new KnowledgeProperties(dir, Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            PolicyDigest a = PublishedDigests.open(store, props, new SimpleMeterRegistry(), Clock.systemDefaultZone(), new WhenRedisUp());
            System.out.printf("instance A: seed %d entries into Redis and start: %.2f s%n", a.size(),
                    (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            PolicyDigest b = PublishedDigests.open(store, props, new SimpleMeterRegistry(), Clock.systemDefaultZone(), new WhenRedisUp());
            System.out.printf("instance B: start from Redis: %.2f s%n", (System.nanoTime() - t0) / 1e9);
            run(a, b, questions, publishes);
            a.close();
            b.close();
        }
    }

    private static void run(PolicyDigest a, PolicyDigest b, List<String> questions, int publishes) throws Exception {
        DigestStore store = a.store().orElseThrow();
        // the entry with the shortest answer, so a marker never takes it past the short-answer limit
        String id = a.entries().stream().limit(500).map(EntrySummary::id)
                .min(java.util.Comparator.comparingInt(e -> a.entry(e, "zh").map(h -> h.answer().length())
                        .orElse(Integer.MAX_VALUE))).orElseThrow();
        String path = DigestStore.entryPath(id);
        List<Long> searches = new ArrayList<>();
        List<Long> searchCpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> {
            Random random = new Random(7);
            while (running.get()) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                b.ask(questions.get(random.nextInt(questions.size())), "zh", 5);
                long wall = System.nanoTime() - s;
                long cpu = threads.getCurrentThreadCpuTime() - c;
                synchronized (searches) {
                    searches.add(wall);
                    searchCpu.add(cpu);
                }
            }
        }, "bench-search");
        for (int i = 0; i < 2000; i++) {
            b.ask(questions.get(i % questions.size()), "zh", 5);
        }
        searcher.start();
        // the control: the same searches for a few seconds with no publish, so that the figures during publishes
        // can be told apart from what the queries cost anyway (and from how busy the machine is)
        long[] gcBefore = gc();
        Thread.sleep(8000);
        long[] gcQuiet = gc();
        long[][] quiet = drain(searches, searchCpu);
        System.out.printf("search on instance B, no publish (%d queries): p50 %.1f ms, p99 %.1f ms; thread CPU p50 %.1f ms,"
                + " p99 %.1f ms; GC %d collections, %d ms%n", quiet[0].length, pct(quiet[0], 50), pct(quiet[0], 99),
                pct(quiet[1], 50), pct(quiet[1], 99), gcQuiet[0] - gcBefore[0], gcQuiet[1] - gcBefore[1]);
        long[] followersBefore = followerWork(threads);
        long[] publish = new long[publishes];
        long[] served = new long[publishes];
        for (int i = 0; i < publishes; i++) {
            DigestStore.Document doc = store.document(path).orElseThrow();
            // letters, not digits: kb check compares the numbers of the zh and en texts
            String marker = "（修订" + letters(i) + "）";
            String text = doc.text().replaceAll("（修订[a-z]+）", "")
                    .replaceFirst("(?m)^## zh\n(.*)$", "## zh\n$1" + marker);
            long s = System.nanoTime();
            DigestStore.Outcome outcome = store.publish(path, text, doc.version(), "bench", "bench " + i);
            publish[i] = System.nanoTime() - s;
            if (!(outcome instanceof DigestStore.Outcome.Published)) {
                throw new IllegalStateException("publish refused: " + outcome);
            }
            while (!servedBy(a, id, marker) || !servedBy(b, id, marker)) {
                Thread.sleep(5);
            }
            served[i] = System.nanoTime() - s;
        }
        long[] followersAfter = followerWork(threads);
        running.set(false);
        searcher.join();
        long[] gcAfter = gc();
        System.out.printf("publish call (validate whole digest + atomic write), %d publishes: p50 %.0f ms, p99 %.0f ms%n",
                publishes, pct(publish, 50), pct(publish, 99));
        System.out.printf("publish -> served on both instances: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 5000)%n",
                pct(served, 50), pct(served, 99), pct(served, 100));
        long[][] during = drain(searches, searchCpu);
        long[] s = during[0];
        long[] cpu = during[1];
        System.out.printf("search on instance B during publishes (%d queries): p50 %.1f ms, p99 %.1f ms%n", s.length,
                pct(s, 50), pct(s, 99));
        System.out.printf("applying a publish, per instance (knowledge-follower threads): %.0f ms CPU, %.1f MB allocated%n",
                (followersAfter[0] - followersBefore[0]) / 1e6 / publishes / 2,
                (followersAfter[1] - followersBefore[1]) / 1e6 / publishes / 2);
        // wall far above CPU means the query waited (other threads on the cores, GC), not that it did more work
        System.out.printf("  the same queries' thread CPU time: p50 %.1f ms, p99 %.1f ms; GC %d collections, %d ms%n",
                pct(cpu, 50), pct(cpu, 99), gcAfter[0] - gcQuiet[0], gcAfter[1] - gcQuiet[1]);
    }

    /** The wall and CPU times recorded so far, cleared. */
    private static long[][] drain(List<Long> searches, List<Long> searchCpu) {
        synchronized (searches) {
            long[][] out = {searches.stream().mapToLong(Long::longValue).toArray(),
                searchCpu.stream().mapToLong(Long::longValue).toArray()};
            searches.clear();
            searchCpu.clear();
            return out;
        }
    }

    /** Garbage collections so far: count and milliseconds, all collectors. */
    private static long[] gc() {
        long[] out = new long[2];
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out[0] += Math.max(0, bean.getCollectionCount());
            out[1] += Math.max(0, bean.getCollectionTime());
        }
        return out;
    }

    /**
     * CPU nanoseconds and bytes allocated so far by the instances' follower threads, which apply each publish: the
     * work a publish costs an instance, measured apart from how busy the machine is.
     */
    private static long[] followerWork(java.lang.management.ThreadMXBean threads) {
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
        long[] out = new long[2];
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("knowledge-follower")) {
                out[0] += hotspot.getThreadCpuTime(t.getId());
                out[1] += hotspot.getThreadAllocatedBytes(t.getId());
            }
        }
        return out;
    }

    private static String letters(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i + 1;
        while (n > 0) {
            sb.append((char) ('a' + (n - 1) % 26));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    private static boolean servedBy(PolicyDigest digest, String id, String marker) {
        return digest.entry(id, "zh").map(h -> h.answer().contains(marker)).orElse(false);
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i] / 1e6;
    }
}
