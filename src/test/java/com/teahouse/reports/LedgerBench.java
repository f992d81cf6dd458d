package com.teahouse.reports;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger (问题台账) of 10,000 and then 50,000 cases (a fifth claimed and replied, so their event logs have
 * entries), downloaded over HTTP by a supervisor with personal columns, timed, while a sampler records the heap
 * in use: the peak over the baseline should not grow with the rows (SXSSF window, paged reads).
 * Run: mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.teahouse.reports.LedgerBench
 * (-Dbench.cases=50000 -Dbench.threads=8), or with {@code java -Xmx512m -cp …} on the test classpath.
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 50_000);
        int threads = Integer.getInteger("bench.threads", 8);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("ledger-bench"), null, clock,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.admin.password",
                        ReportFixture.ADMIN_PASSWORD, "teahouse.redis.embedded-max-memory", "2gb"));
        try {
            ReportFixture f = new ReportFixture(app, clock);
            f.account("chief", Set.of("SUPERVISOR"), null);
            ReportClient chief = f.as("chief");
            int first = Math.min(10_000, total);
            create(f, 0, first, threads);
            measure(chief, first);
            if (total > first) {
                create(f, first, total, threads);
                measure(chief, total);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    static void create(ReportFixture f, int from, int to, int threads) throws Exception {
        CaseDesk desk = f.desk;
        CaseWork work = f.work;
        String[] categories = {"payment", "fees", "approval", "inspection", "promise", "tax"};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int th = 0; th < threads; th++) {
            int lo = from + (to - from) * th / threads;
            int hi = from + (to - from) * (th + 1) / threads;
            all.add(pool.submit(() -> {
                for (int i = lo; i < hi; i++) {
                    String t = desk.open(new CaseRequest(UUID.randomUUID().toString(),
                            Address.of("web", "bench-" + i), "zh", CaseRequest.Kind.COMPLAINT,
                            categories[i % categories.length], "台账基准测试", List.of(), "奎文区", "基准公司" + i,
                            "91370700MA3BENCH0X", "联系人" + i, "139" + String.format("%08d", i), i % 7 == 0,
                            List.of())).trackingNumber();
                    if (i % 5 == 0) {
                        Actor a = new Actor("web:bench", "bench");
                        work.claim(t, a, null);
                        work.resolve(t, a, "已办理", null);
                    }
                }
                return null;
            }));
        }
        for (Future<?> x : all) {
            x.get();
        }
        pool.shutdown();
        System.out.printf("stored %d cases in %.1f s%n", to - from, (System.nanoTime() - start) / 1e9);
    }

    static void measure(ReportClient chief, int rows) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        chief.get("/staff/api/reports/ledger.xlsx?from=2026-11-24&to=2026-11-24&personal=true"); // warm-up
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        var answer = chief.get("/staff/api/reports/ledger.xlsx?from=2026-11-24&to=2026-11-24&personal=true");
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("ledger of %d rows (HTTP %d, %d KB; the file is held by the client in this JVM too): "
                + "%.2f s; heap baseline %d MB, peak %d MB (+%d MB, max heap %d MB)%n", rows, answer.status(),
                answer.bytes().length / 1024, seconds,
                baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }
}
