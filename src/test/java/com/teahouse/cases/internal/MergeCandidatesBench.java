package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 并单 candidate detection at case opening, with 100,000 open cases of the last 30 days on the embedded
 * redis-server: what {@link MergeCandidates} adds to opening a case (catch up the index from cases:all, retrieve,
 * score, check states, store the pairs), p50/p99 over 2,000 openings, after the index holds the open cases.
 * The index is reopened in the background; the cases opened since the last reopen are scored directly.
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
        MutableClock clock = new MutableClock(Instant.now());
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("merge-bench"), null, clock,
                Map.of("logging.level.com.teahouse", "ERROR", "teahouse.cases.poll-interval", "1h"));
        try {
            RedisStore redis = app.getBean(RedisStore.class);
            MergeCandidates candidates = app.getBean(MergeCandidates.class);
            Random random = new Random(13);
            long now = clock.instant().toEpochMilli();
            long t0 = System.nanoTime();
            for (int from = 0; from < total; from += 1000) {
                try (var p = redis.jedis().pipelined()) {
                    for (int i = from; i < Math.min(total, from + 1000); i++) {
                        String t = "BX-" + i;
                        long opened = now - (long) (random.nextDouble() * 29 * 86_400_000L);
                        p.hset(redis.key("case:" + t), fields(random, opened));
                        p.zadd(redis.key("cases:all"), now - 30L * 86_400_000 + 1 + i, t);
                    }
                    p.sync();
                }
            }
            System.out.printf("stored %,d open cases in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            candidates.detect("BX-warm", "payment", "奎文区", "工程款未付", null, "o", false);
            System.out.printf("index caught up with them in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            int runs = Integer.getInteger("bench.runs", 2000);
            long[] nanos = new long[runs];
            int found = 0;
            for (int i = 0; i < runs; i++) {
                String t = "BN-" + i;
                long opened = now + i; // a case per millisecond: no two share an opening time in cases:all
                Map<String, String> f = fields(random, opened);
                redis.jedis().hset(redis.key("case:" + t), f);
                redis.jedis().zadd(redis.key("cases:all"), opened, t);
                long s = System.nanoTime();
                var similar = candidates.detect(t, f.get("category"), f.get("location"), f.get("description"),
                        f.get("company"), f.get("ownerChat"), false);
                candidates.save(t, similar);
                nanos[i] = System.nanoTime() - s;
                found += similar.size();
            }
            Arrays.sort(nanos);
            System.out.printf("candidate detection at opening over %,d openings: p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " %.2f candidates per case%n", runs, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6,
                    nanos[runs - 1] / 1e6, (double) found / runs);
        } finally {
            app.close();
        }
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
