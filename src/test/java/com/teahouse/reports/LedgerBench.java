package com.teahouse.reports;

import static com.teahouse.cases.internal.CaseHistories.Act.BASICALLY_SATISFIED;
import static com.teahouse.cases.internal.CaseHistories.Act.CLAIM;
import static com.teahouse.cases.internal.CaseHistories.Act.DECLINE;
import static com.teahouse.cases.internal.CaseHistories.Act.EXTEND;
import static com.teahouse.cases.internal.CaseHistories.Act.MERGE;
import static com.teahouse.cases.internal.CaseHistories.Act.NOT_SOLVED;
import static com.teahouse.cases.internal.CaseHistories.Act.RESOLVE;
import static com.teahouse.cases.internal.CaseHistories.Act.SATISFIED;
import static com.teahouse.cases.internal.CaseHistories.Act.UNSATISFIED;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.internal.CaseHistories;
import com.teahouse.cases.internal.CaseHistories.Act;
import com.teahouse.cases.internal.CaseHistories.History;
import com.teahouse.cases.internal.CaseHistories.Step;
import com.teahouse.cases.internal.PipelinedDesks;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger (问题台账) of November 2026: 10,000 cases, then 50,000, downloaded over HTTP by a supervisor with the
 * personal columns, timed, while a sampler records the heap in use (the peak over the baseline should not grow
 * with the rows: SXSSF window, paged reads). The month is loaded by {@link PipelinedDesks}: the product's desks and
 * scripts, pipelined, every deadline item firing when due (reminders, 督办, unrated closes). A fifth of the cases
 * are claimed and replied (some extended, rated 满意 / 基本满意, 不满意 and reopened, "not solved", or left to close
 * unrated), a tenth claimed late, one in 25 declined, one in 50 merged into its neighbour's group; the rest wait.
 * Run with {@code java -Xmx512m -cp …} on the test classpath (README), -Dbench.cases=50000.
 */
public final class LedgerBench {

    static final Instant MONTH = Instant.parse("2026-10-31T16:00:00Z"); // 1 November, 00:00 in Shanghai
    static final Instant END = Instant.parse("2026-12-01T02:00:00Z");
    static final String[] CATEGORIES = {"payment", "fees", "approval", "inspection", "promise", "utilities", "tax",
        "financing"};
    static final String[] DISTRICTS = {"奎文区", "潍城区", "坊子区", "寒亭区", "高新区", "青州市", "诸城市"};
    static final Actor STAFF = new Actor("web:bench-clerk", "办事员");
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 50_000);
        MutableClock clock = new MutableClock(END);
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("ledger-bench"), null, clock,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.admin.password",
                        ReportFixture.ADMIN_PASSWORD, "teahouse.redis.embedded-max-memory", "3gb",
                        "teahouse.console.search-refresh", "24h")); // no index rebuild of 50,000 cases mid-measure
        try {
            ReportFixture f = new ReportFixture(app, clock);
            f.account("chief", Set.of("SUPERVISOR"), null);
            ReportClient chief = f.as("chief");
            PipelinedDesks desks = new PipelinedDesks(app, 5000);
            int first = Math.min(10_000, total);
            load(desks, first, 0.0);
            measure(chief, first);
            if (total > first) {
                load(desks, total - first, 0.5);
                measure(chief, total);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** {@code n} cases spread evenly over November ({@code offset}: where in each slot), in batches. */
    static void load(PipelinedDesks desks, int n, double offset) {
        long start = System.nanoTime();
        long scripts = 0;
        for (int from = 0; from < n; from += BATCH) {
            List<History> batch = new ArrayList<>();
            for (int j = from; j < Math.min(n, from + BATCH); j++) {
                batch.add(history(j, n, offset, j - from));
            }
            desks.begin();
            CaseHistories.play(batch, END, true, STAFF, desks);
            scripts += desks.sync();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded %,d cases of November in %.1f s (%,d scripts, %,.0f scripts/s)%n", n, s, scripts,
                scripts / s);
    }

    static History history(int j, int n, double offset, int inBatch) {
        Random r = new Random(31L * j + n);
        Instant opened = MONTH.plusMillis((long) ((j + offset) * Duration.ofDays(30).toMillis() / n));
        Address owner = Address.of(j % 3 == 0 ? "telegram" : "web", "bench-" + n + "-" + j);
        CaseRequest request = new CaseRequest("bench-" + n + "-" + j, owner, "zh", CaseRequest.Kind.COMPLAINT,
                CATEGORIES[(j / 5) % CATEGORIES.length], "台账基准测试：拖欠工程款", List.of(), DISTRICTS[j % DISTRICTS.length],
                "基准公司" + j, "91370700MA3BENCH0X", "联系人" + j, "139" + String.format("%08d", j), j % 7 == 0,
                List.of());
        List<Step> steps = new ArrayList<>();
        Instant at = opened;
        if (j % 5 == 0) {
            at = step(steps, at, minutes(r, 5, 240), CLAIM, 0);
            if (j % 25 == 0) {
                at = step(steps, at, 60, EXTEND, 3);
            }
            at = step(steps, at, minutes(r, 120, 6 * 1440), RESOLVE, 0);
            switch ((j / 5) % 10) {
                case 0, 1, 2, 3 -> step(steps, at, 180, SATISFIED, 0);
                case 4, 5 -> step(steps, at, 300, BASICALLY_SATISFIED, 0);
                case 6 -> {
                    at = step(steps, at, 120, UNSATISFIED, 0);
                    at = step(steps, at, 60, CLAIM, 0);
                    at = step(steps, at, 1440, RESOLVE, 0);
                    step(steps, at, 120, SATISFIED, 0);
                }
                case 7 -> {
                    at = step(steps, at, 1440, NOT_SOLVED, 0);
                    step(steps, at, 1440, RESOLVE, 0);
                }
                default -> { } // no rating: closed unrated when its rating is due
            }
        } else if (j % 50 == 1 && inBatch > 0) {
            step(steps, at, 20, MERGE, inBatch - 1); // the case before it: a fifth case, same category
        } else if (j % 25 == 3) {
            step(steps, at, minutes(r, 60, 180), DECLINE, 0);
        } else if (j % 10 == 2) {
            at = step(steps, at, minutes(r, 1440, 3 * 1440), CLAIM, 0);
            at = step(steps, at, 2 * 1440, RESOLVE, 0);
            step(steps, at, 1440, BASICALLY_SATISFIED, 0);
        }
        return new History(request, opened, steps);
    }

    private static Instant step(List<Step> steps, Instant after, long minutes, Act act, int value) {
        Instant at = after.plus(Duration.ofMinutes(minutes));
        steps.add(new Step(at, act, value));
        return at;
    }

    private static long minutes(Random r, int min, int max) {
        return min + r.nextInt(max - min);
    }

    static void measure(ReportClient chief, int cases) throws Exception {
        String url = "/staff/api/reports/ledger.xlsx?from=2026-11-01&to=2026-11-30&personal=true";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        chief.get("/staff/api/reports/ledger.xlsx?from=2026-11-02&to=2026-11-02&personal=true"); // warm-up
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
        var answer = chief.get(url);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        // the rows of a small ledger are counted: header, problems, then two totals after an empty row
        List<List<String>> rows = cases <= 10_000 ? ReportFixture.rows(answer.bytes()) : List.of();
        System.out.printf("ledger of a month of %,d cases (HTTP %d, %,d KB%s; the file is held by the client in "
                + "this JVM too): %.2f s; heap baseline %d MB, peak %d MB (+%d MB, max heap %d MB)%n", cases,
                answer.status(), answer.bytes().length / 1024, rows.isEmpty() ? "" : ", " + (rows.size() - 3)
                + " problem rows", seconds, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }
}
