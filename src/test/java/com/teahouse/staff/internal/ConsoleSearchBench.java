package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.Actor;
import com.teahouse.cases.internal.BenchCases;
import com.teahouse.store.RedisStore;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console's search with many open cases on the embedded redis-server, the whole app running: index
 * rebuild time, p50/p99 of {@link ConsoleSearch#find} (index query, the hits' row fields read from Redis in
 * one pipeline, each checked by the case policy) and of the index query alone, for a supervisor (every unit)
 * and for unit staff, over text, company, category and tracking-number queries. Target: p99 ≤ 50 ms with 100,000 open cases.
 * Run (after mvn -o -q -B test-compile and mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test): java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * com.teahouse.staff.internal.ConsoleSearchBench (-Dbench.cases=100000 -Dbench.queries=2000).
 */
public final class ConsoleSearchBench {

    static final String[] WORDS = {"工程款", "拖欠", "保证金", "不退", "检测费", "审批", "材料", "反复", "退税",
            "贷款", "抵押", "执法", "罚款", "水电", "报装", "物业", "合同", "验收", "招标", "中介", "补贴", "兑现",
            "承诺", "人才", "公积金", "社保", "租金", "停水", "占道", "噪音"};
    static final String[] CATEGORIES = {"payment", "fees", "approval", "inspection", "promise", "utilities", "tax",
            "financing", "talent", "procurement"};
    /** The units of dialogs/categories.yaml for those categories (what opening a case would route to). */
    static final Map<String, String> UNITS = Map.of("payment", "iit", "fees", "ndrc", "approval", "approval",
            "inspection", "justice", "promise", "business-env", "utilities", "housing", "tax", "tax", "financing",
            "finance", "talent", "talent", "procurement", "procurement");

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 100_000);
        int queries = Integer.getInteger("bench.queries", 2000);
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("search-bench"), null,
                new MutableClock(Instant.now()), Map.of("logging.level.com.teahouse", "ERROR",
                        "teahouse.cases.poll-interval", "1h", "teahouse.console.search-refresh", "24h",
                        "teahouse.redis.embedded-max-memory", "2gb"));
        try {
            ConsoleSearch search = app.getBean(ConsoleSearch.class);
            List<String> numbers = openCases(app.getBean(RedisStore.class), total);
            long t0 = System.nanoTime();
            search.rebuild();
            System.out.printf("index rebuilt from Redis: %d open cases in %.1f s%n", total,
                    (System.nanoTime() - t0) / 1e9);
            CaseCaller supervisor = CaseCaller.staff(new Actor("web:sup", "sup"), true, false, null);
            CaseCaller unitStaff = CaseCaller.staff(new Actor("web:iit", "iit"), false, true, "iit");
            Random r = new Random(7);
            List<SearchQuery> mix = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                mix.add(switch (i % 4) {
                    case 0 -> SearchQuery.parse(WORDS[r.nextInt(WORDS.length)]);
                    case 1 -> SearchQuery.parse(WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)]);
                    case 2 -> SearchQuery.parse("公司" + r.nextInt(total));
                    default -> SearchQuery.parse(numbers.get(r.nextInt(numbers.size())));
                });
            }
            for (SearchQuery q : mix.subList(0, Math.min(200, mix.size()))) {
                search.find(supervisor, q); // warm-up
            }
            measure("supervisor (every unit)", search, supervisor, mix);
            measure("unit staff (iit)", search, unitStaff, mix);
        } finally {
            app.close();
        }
    }

    private static void measure(String who, ConsoleSearch search, CaseCaller caller, List<SearchQuery> mix) {
        long[] nanos = new long[mix.size()];
        long[] indexNanos = new long[mix.size()];
        long hits = 0;
        int more = 0;
        String unit = caller.supervisor() ? null : caller.unit();
        for (int i = 0; i < mix.size(); i++) {
            long t = System.nanoTime();
            ConsoleSearch.Found found = search.find(caller, mix.get(i));
            nanos[i] = System.nanoTime() - t;
            hits += found.cases().size();
            more += found.more() ? 1 : 0;
            t = System.nanoTime();
            search.index().find(mix.get(i), unit, ConsoleSearch.LIMIT + 1);
            indexNanos[i] = System.nanoTime() - t;
        }
        System.out.printf("%s: %d queries, mean %.1f rows (%d with more); search p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms; index query alone p50 %.2f ms, p99 %.2f ms%n", who, mix.size(),
                hits / (double) mix.size(), more, pct(nanos, 0.5), pct(nanos, 0.99), pct(nanos, 1),
                pct(indexNanos, 0.5), pct(indexNanos, 0.99));
    }

    private static double pct(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /**
     * The open cases, written straight into Redis in pipelined batches (case hash and open-case indexes, as
     * opening writes them; see {@link BenchCases}): the search reads exactly those on its query path.
     */
    private static List<String> openCases(RedisStore redis, int total) {
        long t0 = System.nanoTime();
        List<String> numbers = new ArrayList<>();
        Instant now = Instant.now();
        String day = "261201";
        for (int from = 0; from < total; from += 1000) {
            List<BenchCases.Bench> batch = new ArrayList<>();
            for (int n = from; n < Math.min(total, from + 1000); n++) {
                Random r = new Random(n);
                String text = WORDS[r.nextInt(WORDS.length)] + "问题，" + WORDS[r.nextInt(WORDS.length)] + "一直没有解决，"
                        + WORDS[r.nextInt(WORDS.length)] + "相关部门推诿，请尽快处理。";
                String category = CATEGORIES[n % CATEGORIES.length];
                String t = BenchCases.tracking(day, n + 1);
                numbers.add(t);
                batch.add(new BenchCases.Bench(t, new CaseRequest(UUID.randomUUID().toString(),
                        Address.of("web", "b-" + n), "zh", CaseRequest.Kind.COMPLAINT, category, text, List.of(),
                        "奎文区", "公司" + n, null, "测试", "138" + String.format("%08d", n), n % 10 == 0, List.of()),
                        category, UNITS.get(category), now.minusSeconds(n), now.plusSeconds(5 * 86_400 - n)));
            }
            BenchCases.store(redis, batch);
        }
        System.out.printf("%d open cases stored in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
        return numbers;
    }
}
