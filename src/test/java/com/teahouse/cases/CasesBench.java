package com.teahouse.cases;

import com.teahouse.cases.ConversationLine;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Case creation and queue listing on the embedded redis-server (appendfsync always), the whole app running.
 * Run: mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.teahouse.cases.CasesBench
 * (-Dbench.cases=100000 -Dbench.threads=8).
 */
public final class CasesBench {

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 100_000);
        int threads = Integer.getInteger("bench.threads", 8);
        MutableClock clock = new MutableClock(Instant.now());
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("cases-bench"), null, clock,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.cases.poll-interval", "1h"));
        try {
            CaseDesk desk = app.getBean(CaseDesk.class);
            CaseWork work = app.getBean(CaseWork.class);
            String[] categories = {"payment", "fees", "approval", "inspection", "promise", "utilities", "tax",
                    "financing", "talent", "procurement", "registration", "other"};
            for (int i = 0; i < 200; i++) {
                open(desk, categories[i % categories.length]); // warm-up
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long[] nanos = new long[total];
            long start = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            int per = total / threads;
            for (int th = 0; th < threads; th++) {
                int from = th * per;
                int to = th == threads - 1 ? total : from + per;
                all.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        long t0 = System.nanoTime();
                        open(desk, categories[i % categories.length]);
                        nanos[i] = System.nanoTime() - t0;
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Arrays.sort(nanos);
            System.out.printf("cases created: %d with %d threads in %.1f s = %.0f cases/s%n", total, threads, seconds,
                    total / seconds);
            System.out.printf("creation latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos[total / 2] / 1e6,
                    nanos[(int) (total * 0.99)] / 1e6, nanos[total - 1] / 1e6);
            System.out.println("queue listing with " + (total + 200) + " open cases stored (mean of 20 runs):");
            measure("first 50 by deadline", () -> work.queue(CaseFilter.all(50)));
            measure("first 200 by deadline", () -> work.queue(CaseFilter.all(200)));
            measure("one unit (tax), 50", () -> work.queue(new CaseFilter(null, "tax", null, false, false, 50)));
            measure("one category (talent), 50", () -> work.queue(new CaseFilter(null, null, "talent", false, false,
                    50)));
            measure("overdue only (none overdue: full scan)", () -> work.queue(new CaseFilter(null, null, null, true,
                    false, 50)));
            measure("supervision list", () -> work.queue(new CaseFilter(null, null, null, false, true, 50)));
            clock.advance(Duration.ofDays(60));
            System.out.println("60 days later, every case overdue:");
            measure("overdue only (all overdue)", () -> work.queue(new CaseFilter(null, null, null, true, false, 50)));
            measure("overdue of one unit (tax), 50", () -> work.queue(new CaseFilter(null, "tax", null, true, false,
                    50)));
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void open(CaseDesk desk, String category) {
        desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("web", "bench-" + UUID.randomUUID()), "zh",
                CaseRequest.Kind.COMPLAINT, category, "benchmark case description, about a hundred characters long "
                        + "to be realistic in size for a complaint", List.of(), "奎文区", "测试公司", null, "测试",
                "13800000000", false, List.of(ConversationLine.user("hello", null),
                        ConversationLine.bot("hi", null))));
    }

    private static void measure(String what, Supplier<List<CaseRecord>> query) {
        query.get();
        int n = 20;
        long start = System.nanoTime();
        int size = 0;
        for (int i = 0; i < n; i++) {
            size = query.get().size();
        }
        System.out.printf("  %-40s %8.2f ms (%d rows)%n", what, (System.nanoTime() - start) / 1e6 / n, size);
    }
}
