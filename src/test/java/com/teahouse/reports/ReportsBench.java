package com.teahouse.reports;

import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Timing;
import com.teahouse.cases.internal.CounterLoader;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A month's summary with a year of counters for 1,000,000 cases, the whole app running on the embedded
 * redis-server. The counters are written by a fast loader ({@code CounterLoader}: the same hash layout as the Lua
 * block, added up in arrays and written with one HSET per day), not case by case through the scripts; the queue indexes
 * the "now" figures count ({@code cases:open}, {@code cases:due}, {@code cases:opened},
 * {@code cases:supervised:open} and their unit views) hold a backlog of open cases.
 * Run: mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.teahouse.reports.ReportsBench
 * (-Dbench.cases=1000000 -Dbench.open=20000 -Dbench.runs=200).
 */
public final class ReportsBench {

    static final String[] UNITS = {"iit", "ndrc", "approval", "justice", "business-env", "housing", "tax", "finance",
            "talent", "procurement", "market"};
    static final String[] CATEGORIES = {"payment", "fees", "approval", "inspection", "promise", "utilities", "tax",
            "financing", "talent", "procurement", "registration", "other"};
    static final String[] DISTRICTS = {"奎文区", "潍城区", "坊子区", "寒亭区", "高新区", "滨海区", "青州市", "诸城市",
            "寿光市", "安丘市", "高密市", "昌邑市", "临朐县", "昌乐县"};

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 1_000_000);
        int open = Integer.getInteger("bench.open", 20_000);
        int runs = Integer.getInteger("bench.runs", 200);
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("reports-bench"), null, null,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.cases.poll-interval", "1h",
                        "teahouse.redis.embedded-max-memory", "2gb"));
        try {
            RedisStore redis = app.getBean(RedisStore.class);
            LocalDate first = LocalDate.of(2026, 1, 1);
            long t0 = System.nanoTime();
            load(redis, total, first);
            System.out.printf("counters of %,d cases over 365 days loaded in %.1f s%n", total,
                    (System.nanoTime() - t0) / 1e9);
            backlog(redis, open);
            ReportFigures figures = app.getBean(ReportFigures.class);
            ReportPeriod month = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            for (int i = 0; i < 30; i++) {
                figures.summary(month, Optional.empty()); // warm-up
            }
            report("a month, every unit", runs, () -> figures.summary(month, Optional.empty()));
            report("a month, one unit (iit)", runs, () -> figures.summary(month, Optional.of("iit")));
            ReportPeriod year = new ReportPeriod(first, first.plusDays(364));
            report("a year, every unit", Math.max(10, runs / 10), () -> figures.summary(year, Optional.empty()));
            System.out.printf("fields in one day's hash: %d%n", redis.jedis().hlen(redis.key("reports:day:2026-11-02")));
        } finally {
            app.close();
        }
    }

    private static final Measure[] OPENED = {Measure.OPENED};
    private static final Measure[] CLAIMED_ON_TIME = {Measure.CLAIMED, Measure.CLAIMS_TIMED, Measure.CLAIMED_ON_TIME};
    private static final Measure[] CLAIMED_LATE = {Measure.CLAIMED, Measure.CLAIMS_TIMED};
    private static final Measure[] REPLIED_ON_TIME = {Measure.REPLIED, Measure.REPLIED_ON_TIME};
    private static final Measure[] REPLIED_LATE = {Measure.REPLIED};

    /** Each case: opened, claimed (mostly on time), replied (mostly on time) within 8 days, closed with a rating. */
    private static void load(RedisStore redis, int total, LocalDate first) {
        CounterLoader loader = new CounterLoader(redis, first, 365, UNITS, CATEGORIES, DISTRICTS,
                new String[] {"telegram", "web"});
        Random r = new Random(11);
        for (int i = 0; i < total; i++) {
            int day = r.nextInt(365);
            int u = r.nextInt(UNITS.length);
            int c = r.nextInt(CATEGORIES.length);
            int d = r.nextInt(DISTRICTS.length);
            int ch = r.nextInt(3) == 0 ? 1 : 0;
            loader.add(day, u, c, d, ch, OPENED, null, 0);
            long claim = (long) (r.nextDouble() * r.nextDouble() * 600);
            loader.add(day, u, c, d, ch, claim <= 120 ? CLAIMED_ON_TIME : CLAIMED_LATE, Timing.CLAIM, claim);
            int replied = day + r.nextInt(8);
            long reply = 60 + r.nextInt(3000);
            loader.add(replied, u, c, d, ch, reply <= 2400 ? REPLIED_ON_TIME : REPLIED_LATE, Timing.REPLY, reply);
            Measure rating = switch (r.nextInt(10)) {
                case 0 -> Measure.UNSATISFIED;
                case 1, 2 -> Measure.BASICALLY_SATISFIED;
                default -> Measure.SATISFIED;
            };
            loader.add(replied + 1, u, c, d, ch, new Measure[] {rating, Measure.CLOSED}, Timing.CLOSE, reply + 600);
        }
        loader.flush();
    }

    /** Open cases in the queue indexes, opened over the last 60 days, a tenth past their deadline. */
    private static void backlog(RedisStore redis, int open) {
        Random r = new Random(12);
        long now = Instant.now().toEpochMilli();
        try (var p = redis.jedis().pipelined()) {
            for (int i = 0; i < open; i++) {
                String t = "QY-BENCH-" + i;
                String unit = UNITS[r.nextInt(UNITS.length)];
                long opened = now - (long) r.nextInt(60) * 86_400_000L;
                long due = i % 10 == 0 ? now - 3_600_000L : now + 86_400_000L * (1 + r.nextInt(10));
                p.zadd(redis.key("cases:open"), due, t);
                p.zadd(redis.key("cases:open:unit:" + unit), due, t);
                p.zadd(redis.key("cases:due"), due, t);
                p.zadd(redis.key("cases:all"), opened, t);
                // the views the "now" figures are counted from, as open.lua and transition.lua keep them
                p.zadd(redis.key("cases:opened"), opened, t);
                p.zadd(redis.key("cases:opened:unit:" + unit), opened, t);
                p.zadd(redis.key("cases:due:unit:" + unit), due, t);
                if (i % 20 == 0) {
                    p.sadd(redis.key("cases:supervised"), t);
                    p.sadd(redis.key("cases:supervised:open"), t);
                    p.sadd(redis.key("cases:supervised:open:unit:" + unit), t);
                }
            }
            p.sync();
        }
        System.out.printf("backlog: %,d open cases in the queue indexes%n", open);
    }

    private static void report(String what, int runs, Runnable summary) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            summary.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d runs)%n", what, nanos[runs / 2] / 1e6,
                nanos[Math.min(runs - 1, (int) (runs * 0.99))] / 1e6, nanos[runs - 1] / 1e6, runs);
    }

}
