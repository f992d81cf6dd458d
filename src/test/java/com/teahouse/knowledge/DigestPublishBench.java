package com.teahouse.knowledge;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;
import com.teahouse.store.internal.EmbeddedRedis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.JedisPooled;

/**
 * Two instances following one real redis-server, on the 10,000-entry digest of {@link KnowledgeBench}: how long a
 * publish takes (validation of the whole would-be digest and the atomic write), how long until both instances serve
 * it (p50/p99; the target is p99 <= 5 s), and search latency on instance B while the publishes happen (the search
 * target is p99 <= 5 ms). Instance B runs in this JVM ({@code in-process}, the default) or, as real instances do, in
 * a JVM of its own ({@code child}: its own heap, GC and JIT; its log in a temporary file). Each search's wall time is
 * split into CPU, waiting for a core and blocked (see {@link SearchLoad}), and the report says which threads had the
 * cores, so a slow search can be told from a machine that is busy, and how much CPU B's JIT compilers took per
 * publish, which does not depend on how busy the machine is. Measured as on an instance that has run a while: after
 * the searches' JIT compiling has settled (the instances' publish warm-up, {@code PublishWarmUp}, included) and
 * after 5 unmeasured publishes.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) com.teahouse.knowledge.DigestPublishBench [publishes] [in-process|child]</pre>
 */
public final class DigestPublishBench {

    /** Publishes made before the measured ones. */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 5);
    /**
     * Milliseconds between measured publishes (0: back to back). Paced, the search figures count only the searches
     * that overlap a publish (from the call until both instances serve it), as a policy office publishes now and then.
     */
    private static final long PACE = Long.getLong("bench.pace", 0);

    private DigestPublishBench() {
    }

    public static void main(String[] args) throws Exception {
        int publishes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean child = args.length > 1 && args[1].equals("child");
        Path dir = Files.createTempDirectory("publish-bench");
        List<String> questions = KnowledgeBench.generate(Path.of("knowledge"), dir);
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("publish-bench-redis"));
             JedisPooled jedis = new JedisPooled(URI.create(redis.url()))) {
            RedisStore store = new RedisStore(jedis, "bench:");
            KnowledgeProperties props = new KnowledgeProperties(dir, Duration.ofSeconds(1), true);
            long t0 = System.nanoTime();
            PolicyDigest a = PublishedDigests.open(store, props, new SimpleMeterRegistry(), Clock.systemDefaultZone(), new WhenRedisUp());
            System.out.printf("instance A: seed %d entries into Redis and start: %.2f s%n", a.size(),
                    (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            Path log = Files.createTempFile("publish-bench-b", ".log");
            SearchingInstance b = child ? ChildInstance.start(redis.url(), dir, questions, log)
                    : new SearchingInstance.Local(PublishedDigests.open(store, props, new SimpleMeterRegistry(),
                            Clock.systemDefaultZone(), new WhenRedisUp()), questions, 2);
            System.out.printf("instance B (%s): start from Redis and warm up: %.2f s%s%n", child ? "child JVM"
                    : "in this JVM", (System.nanoTime() - t0) / 1e9, child ? ", log " + log : "");
            run(a, b, publishes, child);
            b.close();
            a.close();
        }
    }

    private static void run(PolicyDigest a, SearchingInstance b, int publishes, boolean child) throws Exception {
        DigestStore store = a.store().orElseThrow();
        // the entry with the shortest answer, so a marker never takes it past the short-answer limit
        String id = a.entries().stream().limit(500).map(EntrySummary::id)
                .min(java.util.Comparator.comparingInt(e -> a.entry(e, "zh").map(h -> h.answer().length())
                        .orElse(Integer.MAX_VALUE))).orElseThrow();
        String path = DigestStore.entryPath(id);
        // the control: the same searches for a few seconds with no publish, so that the figures during publishes
        // can be told apart from what the queries cost anyway (and from how busy the machine is)
        b.mark();
        Thread.sleep(8000);
        b.report("no publish", 0).forEach(System.out::println);
        // a few publishes first, unmeasured: a long-running instance has its publish path compiled already
        for (int i = 0; i < WARM_UP; i++) {
            publish(a, b, store, path, id, "warm" + letters(i));
        }
        b.mark();
        CpuUse cpuA = CpuUse.now();
        long[] workA = SearchingInstance.followerWork();
        long[] publish = new long[publishes];
        long[] served = new long[publishes];
        List<long[]> windows = new java.util.ArrayList<>();
        for (int i = 0; i < publishes; i++) {
            long start = System.nanoTime();
            long[] t = publish(a, b, store, path, id, letters(i));
            publish[i] = t[0];
            served[i] = t[1];
            windows.add(new long[] {start, start + t[1]});
            if (PACE > 0) {
                Thread.sleep(PACE);
            }
        }
        System.out.printf("publish call (validate the changed entry + atomic write), %d publishes: p50 %.0f ms, p99 %.0f ms%n",
                publishes, SearchLoad.pct(publish, 50), SearchLoad.pct(publish, 99));
        System.out.printf("publish -> served on both instances: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 5000)%n",
                SearchLoad.pct(served, 50), SearchLoad.pct(served, 99), SearchLoad.pct(served, 100));
        if (PACE > 0) {
            b.onlyDuring(windows);
        }
        b.report(PACE > 0 ? "overlapping a publish, one every " + PACE + " ms" : "during publishes", publishes)
                .forEach(System.out::println);
        if (child) {
            long[] w = SearchingInstance.followerWork();
            System.out.printf("instance A's JVM during publishes: %s%n  applying a publish on A: %.0f ms CPU, %.1f MB"
                    + " allocated%n", CpuUse.now().since(cpuA), (w[0] - workA[0]) / 1e6 / publishes,
                    (w[1] - workA[1]) / 1e6 / publishes);
        }
    }

    /** Publishes the entry at {@code path} with a marker made of {@code letters}; {call, until served on both} ns. */
    private static long[] publish(PolicyDigest a, SearchingInstance b, DigestStore store, String path, String id,
                                  String letters) throws InterruptedException {
        DigestStore.Document doc = store.document(path).orElseThrow();
        // letters, not digits: kb check compares the numbers of the zh and en texts
        String marker = "（修订" + letters + "）";
        String text = doc.text().replaceAll("（修订[a-z]+）", "")
                .replaceFirst("(?m)^## zh\n(.*)$", "## zh\n$1" + marker);
        long s = System.nanoTime();
        DigestStore.Outcome outcome = store.publish(path, text, doc.version(), "bench", "bench " + letters);
        long call = System.nanoTime() - s;
        if (!(outcome instanceof DigestStore.Outcome.Published)) {
            throw new IllegalStateException("publish refused: " + outcome);
        }
        b.await(id, marker);
        while (!SearchingInstance.serves(a, id, marker)) {
            Thread.sleep(2);
        }
        return new long[] {call, System.nanoTime() - s};
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
}
