package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseRequest;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 并单 candidate detection at case opening, with 100,000 open cases of the last 30 days on the embedded
 * redis-server (written by {@link BenchCases}, as opening writes them): what {@link MergeCandidates} adds to opening
 * a case, its whole listener ({@code on(CaseOpened)}: catch up from cases:all, analyse the new case, score its
 * group, check the best candidates' states, store the pairs), p50/p99 over 2,000 openings, after the warm-up read
 * the open cases. Also: the warm-up's time and the heap the held texts take.
 * Run (after mvn -o -q -B test-compile and mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test): java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * com.teahouse.cases.internal.MergeCandidatesBench (-Dbench.cases=100000 -Dbench.runs=2000)
 */
public final class MergeCandidatesBench {

    static final String[] CATEGORIES = {"payment", "fees", "approval", "enforcement", "policy", "utilities", "tax",
        "finance", "deposit", "other"};
    static final String[] DISTRICTS = {"奎文区", "潍城区", "坊子区", "寒亭区", "高新区", "滨海区", "青州市", "诸城市",
        "寿光市", "安丘市"};
    static final String[] BODIES = {"城管局", "教育局", "住建局", "交通局", "人民医院", "管委会", "街道办", "税务局",
        "市场监管局", "农业农村局", "卫健委", "文旅局"};
    static final String[] PROBLEMS = {"工程尾款%d万元至今未付，多次催要无果", "保证金%d万元项目完工后一直不退",
        "每月额外收取%d元管理费没有依据", "许可证申请超过%d个工作日没有答复", "一个月内重复检查%d次影响生产",
        "奖励资金%d万元迟迟不兑现", "退税款%d万元审核三个月未到账", "续贷被要求购买%d万元理财产品"};
    /*
     * What makes complaints differ in life: the project, when it began, what it does to the firm. Without them
     * each case had about ten same-template twins in its category and district, so every case got the maximum
     * of candidates, which a real hotline never sees (and which made retrieval and scoring look dearer).
     */
    static final String[] PROJECTS = {"学校操场改造", "道路硬化", "污水管网铺设", "老旧小区外墙保温", "路灯安装",
        "公园绿化", "办公楼装修", "供暖管道更换", "农村饮水工程", "医院门诊楼扩建", "体育馆屋面防水", "停车场建设",
        "河道清淤", "桥梁加固", "垃圾中转站", "消防通道拓宽", "食堂设备采购", "监控系统安装", "档案数字化",
        "物业保洁外包", "校车租赁", "燃气管道检修", "电梯维保", "园区标准厂房"};
    static final String[] SINCE = {"自%d年%d月起", "从%d年%d月签合同后", "%d年%d月验收以来", "%d年%d月至今"};
    static final String[] EFFECTS = {"工人工资发不出来", "企业资金周转困难", "银行贷款快到期了", "已经停产两周",
        "订单不敢再接", "供应商天天上门", "员工陆续离职", "无法参加新的投标", "信用评级受影响", "厂房租金交不上"};

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 100_000);
        int runs = Integer.getInteger("bench.runs", 2000);
        MutableClock clock = new MutableClock(Instant.now());
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("merge-bench"), null, clock,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.cases.poll-interval", "1h",
                        "teahouse.redis.embedded-max-memory", "2gb"));
        try {
            RedisStore redis = app.getBean(RedisStore.class);
            MergeCandidates candidates = app.getBean(MergeCandidates.class);
            Random random = new Random(13);
            Instant now = clock.instant();
            long t0 = System.nanoTime();
            for (int from = 0; from < total; from += 1000) {
                List<BenchCases.Bench> batch = new ArrayList<>();
                for (int i = from; i < Math.min(total, from + 1000); i++) {
                    batch.add(bench(random, i, now.minusMillis((long) (random.nextDouble() * 29 * 86_400_000L))));
                }
                BenchCases.store(redis, batch);
            }
            System.out.printf("stored %,d open cases in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
            long heapBefore = usedHeap();
            t0 = System.nanoTime();
            candidates.catchUp();
            System.out.printf("warm-up read and analysed them in %.1f s; held %,d cases, heap +%,d MB%n",
                    (System.nanoTime() - t0) / 1e9, candidates.held(), (usedHeap() - heapBefore) >> 20);
            long[] nanos = new long[runs];
            long[] cpu = new long[runs];
            var threads = ManagementFactory.getThreadMXBean();
            int found = 0;
            for (int i = 0; i < runs; i++) {
                // a case a second: 100,000 in 30 days is one each 26 s; faster still, and each catch-up re-reads
                // the last 10 s (the overlap) as it would
                clock.advance(Duration.ofSeconds(1));
                BenchCases.Bench b = bench(random, total + i, clock.instant());
                BenchCases.store(redis, List.of(b));
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                candidates.on(new CaseEvent.CaseOpened(b.tracking()));
                nanos[i] = System.nanoTime() - s;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                found += redis.jedis().zcard(redis.key("case:" + b.tracking() + ":similar"));
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            System.out.printf("candidate detection at opening over %,d openings: p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " %.2f candidates per case%n", runs, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6,
                    nanos[runs - 1] / 1e6, (double) found / runs);
            // on a loaded machine the wall time is mostly waiting for a core (this thread's and redis-server's)
            System.out.printf("  CPU time of the opening's thread: p50 %.2f ms, p99 %.2f ms%n", cpu[runs / 2] / 1e6,
                    cpu[runs * 99 / 100] / 1e6);
        } finally {
            app.close();
        }
    }

    /** One open case with a complaint of {@link #fields}, as opening would store it. */
    static BenchCases.Bench bench(Random r, int n, Instant opened) {
        Map<String, String> f = fields(r, opened.toEpochMilli());
        CaseRequest request = new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram", f.get("ownerChat")),
                "zh", CaseRequest.Kind.COMPLAINT, f.get("category"), f.get("description"), List.of(),
                f.get("location"), f.get("company"), null, "测试", "138" + String.format("%08d", n), false, List.of());
        return new BenchCases.Bench(BenchCases.tracking("261201", n + 1), request, f.get("category"), "unit-"
                + f.get("category"), opened, opened.plus(Duration.ofDays(5)));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Map<String, String> fields(Random r, long opened) {
        Map<String, String> f = new HashMap<>();
        f.put("state", "dispatched");
        f.put("category", CATEGORIES[r.nextInt(CATEGORIES.length)]);
        f.put("location", DISTRICTS[r.nextInt(DISTRICTS.length)]);
        f.put("description", String.format(SINCE[r.nextInt(SINCE.length)], 2022 + r.nextInt(4), 1 + r.nextInt(12))
                + "，" + BODIES[r.nextInt(BODIES.length)] + PROJECTS[r.nextInt(PROJECTS.length)] + "项目"
                + String.format(PROBLEMS[r.nextInt(PROBLEMS.length)], 10 + r.nextInt(200)) + "，"
                + EFFECTS[r.nextInt(EFFECTS.length)] + "，请协调" + BODIES[r.nextInt(BODIES.length)] + "处理。");
        f.put("company", "潍坊" + (char) ('甲' + r.nextInt(500)) + "科技有限公司");
        f.put("ownerChannel", "telegram");
        f.put("ownerChat", Integer.toString(r.nextInt(50_000)));
        f.put("confidential", "0");
        f.put("openedAt", Long.toString(opened));
        return f;
    }
}
