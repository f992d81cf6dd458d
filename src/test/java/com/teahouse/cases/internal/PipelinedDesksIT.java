package com.teahouse.cases.internal;

import static com.teahouse.cases.internal.CaseHistories.Act.BASICALLY_SATISFIED;
import static com.teahouse.cases.internal.CaseHistories.Act.CLAIM;
import static com.teahouse.cases.internal.CaseHistories.Act.DECLINE;
import static com.teahouse.cases.internal.CaseHistories.Act.EXTEND;
import static com.teahouse.cases.internal.CaseHistories.Act.MERGE;
import static com.teahouse.cases.internal.CaseHistories.Act.NOT_SOLVED;
import static com.teahouse.cases.internal.CaseHistories.Act.RESOLVE;
import static com.teahouse.cases.internal.CaseHistories.Act.SATISFIED;
import static com.teahouse.cases.internal.CaseHistories.Act.UNSATISFIED;
import static com.teahouse.cases.internal.CaseHistories.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseLedger;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.internal.CaseHistories.History;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bench loader writes what the product writes. The same histories (every act, every deadline item firing, a
 * merged group with a reply, a 不满意 and a reopening) are played once through the running hotline and once
 * through {@link PipelinedDesks}; then each loaded case must read back like its twin through the read paths (the
 * case, its history, its ledger row), every Redis key that names or lists it must hold the same (numbers aside),
 * and the report counters must have exactly doubled.
 */
class PipelinedDesksIT {

    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z"); // a Monday, 09:00 in Shanghai
    static final Instant END = T0.plus(Duration.ofDays(20));
    static final Actor STAFF = new Actor("web:clerk", "办事员");

    @Test
    void aLoadedCaseIsStoredAndReadLikeOneMadeThroughTheHotline() throws Exception {
        MutableClock clock = new MutableClock(T0);
        ConfigurableApplicationContext app = TestApps.start(Files.createTempDirectory("pipelined-it"), null, clock,
                Map.of("logging.level.com.teahouse", "WARN"));
        try {
            RedisStore redis = app.getBean(RedisStore.class);
            List<String> product = CaseHistories.play(histories(), END, true, STAFF, new ProductDesks(app, clock));
            Map<String, Map<String, String>> counters = RedisLayout.counters(redis);
            PipelinedDesks loader = new PipelinedDesks(app, 5000);
            loader.begin();
            List<String> loaded = CaseHistories.play(histories(), END, true, STAFF, loader);
            loader.sync();

            CaseWork work = app.getBean(CaseWork.class);
            CaseLedger ledger = app.getBean(CaseLedger.class);
            Map<String, String> rows = new HashMap<>();
            ledger.openedBetween(T0, END, null, c -> rows.put(c.record().trackingNumber(), c.toString()));
            for (int i = 0; i < product.size(); i++) {
                String p = product.get(i);
                String l = loaded.get(i);
                assertEquals(RedisLayout.named(work.get(p).orElseThrow().toString(), product),
                        RedisLayout.named(work.get(l).orElseThrow().toString(), loaded), "case " + i);
                assertEquals(RedisLayout.named(history(work, p), product), RedisLayout.named(history(work, l), loaded),
                        "history of case " + i);
                assertEquals(RedisLayout.named(String.valueOf(rows.get(p)), product),
                        RedisLayout.named(String.valueOf(rows.get(l)), loaded), "ledger row of case " + i);
            }
            Map<String, Object> layout = RedisLayout.dump(redis, product);
            assertEquals(layout, RedisLayout.dump(redis, loaded));
            // the lives played cover what the ledger reads: every kind of event, and the indexes of a case
            Set<String> types = new TreeSet<>();
            product.forEach(t -> work.history(t).forEach(e -> types.add(e.type())));
            assertEquals(new TreeSet<>(List.of("claim", "close", "decline", "dispatch", "extend", "merge", "merge-in",
                    "not-solved", "open", "rate", "rejoin", "remind", "reopen-group", "resolve", "supervise")), types);
            assertTrue(layout.keySet().containsAll(List.of("case:#0", "case:#0:events", "case:#0:merged",
                    "cases:all", "cases:by-state:closed", "cases:supervised", "cases:ended",
                    "reports:cases:2026-11-02:OPENED")),
                    layout.keySet().toString());
            Map<String, Map<String, String>> doubled = new HashMap<>();
            counters.forEach((k, h) -> {
                Map<String, String> twice = new HashMap<>();
                h.forEach((f, v) -> twice.put(f, Long.toString(2 * Long.parseLong(v))));
                doubled.put(k, twice);
            });
            assertEquals(doubled, RedisLayout.counters(redis), "the loaded cases count exactly as the others");
        } finally {
            app.close();
        }
    }

    private static String history(CaseWork work, String t) {
        return work.history(t).stream().map(e -> List.of(e.type(), e.who(), e.whoName(), e.at(), e.from(), e.to(),
                e.note()).toString()).toList().toString();
    }

    /**
     * Seven lives, each a different path. Case 5 joins case 0's group (same category) while 0 is claimed; its
     * 不满意 with 0's reply takes it back into the group and reopens 0 for everyone (reopen-group).
     */
    static List<History> histories() {
        List<History> h = new ArrayList<>();
        h.add(history(0, "payment", steps(at(0, 30), CLAIM, 0, at(0, 90), EXTEND, 3, at(4, 0), RESOLVE, 0,
                at(5, 0), CLAIM, 0, at(6, 0), RESOLVE, 0, at(6, 60), SATISFIED, 0)));
        h.add(history(10, "fees", steps(at(1, 0), CLAIM, 0, at(3, 0), RESOLVE, 0, at(3, 60), BASICALLY_SATISFIED,
                0)));
        h.add(history(20, "approval", steps()));
        h.add(history(30, "payment", steps(at(0, 40), CLAIM, 0, at(1, 0), RESOLVE, 0, at(1, 120), UNSATISFIED, 0,
                at(2, 0), RESOLVE, 0)));
        h.add(history(40, "tax", steps(at(0, 100), DECLINE, 0)));
        h.add(history(50, "payment", steps(at(0, 70), MERGE, 0, at(4, 60), UNSATISFIED, 0)));
        h.add(history(60, "inspection", steps(at(0, 80), CLAIM, 0, at(2, 0), RESOLVE, 0, at(2, 30), NOT_SOLVED, 0,
                at(3, 0), RESOLVE, 0, at(3, 30), SATISFIED, 0)));
        return h;
    }

    private static History history(int minute, String category, List<CaseHistories.Step> steps) {
        Address owner = Address.of("web", "pipelined-owner-" + category + minute);
        return new History(new CaseRequest(UUID.randomUUID().toString(), owner, "zh", CaseRequest.Kind.COMPLAINT,
                category, "拖欠工程款半年未付", List.of(), "奎文区", "某某科技有限公司", "91370700MA3C00000X", "张三",
                "13800000000", minute == 30, List.of()), at(0, minute), steps);
    }

    private static Instant at(int days, int minutes) {
        return T0.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(minutes));
    }

    /** The running hotline's desks; deadline items fire through its scheduler when they are due. */
    record ProductDesks(ConfigurableApplicationContext app, MutableClock clock) implements CaseHistories.Desks {
        @Override
        public com.teahouse.cases.CaseDesk desk() {
            return app.getBean(com.teahouse.cases.CaseDesk.class);
        }

        @Override
        public CaseWork work() {
            return app.getBean(CaseWork.class);
        }

        @Override
        public com.teahouse.cases.CaseMerging merging() {
            return app.getBean(com.teahouse.cases.CaseMerging.class);
        }

        @Override
        public LoadedCases.Item nextDue(Instant limit) {
            RedisStore redis = app.getBean(RedisStore.class);
            var first = redis.jedis().zrangeByScoreWithScores(redis.key("cases:deadlines"), 0, limit.toEpochMilli(),
                    0, 1);
            return first.isEmpty() ? null : new LoadedCases.Item((long) first.get(0).getScore(),
                    first.get(0).getElement());
        }

        @Override
        public boolean fire(String tracking, String kind) {
            return app.getBean(DeadlineScheduler.class).fireNow(tracking, kind);
        }

        /** The hotline's merged cases follow A once the notices entry is delivered: wait for every entry. */
        @Override
        public void settle() {
            RedisStore redis = app.getBean(RedisStore.class);
            String stream = redis.key("cases:notices");
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
                if (!redis.jedis().exists(stream)) {
                    return true;
                }
                var last = redis.jedis().xinfoStream(stream).getLastGeneratedId();
                return redis.jedis().xinfoGroups(stream).stream().anyMatch(g -> CaseNotices.GROUP.equals(g.getName())
                        && g.getPending() == 0 && last.equals(g.getLastDeliveredId()));
            });
        }
    }
}
