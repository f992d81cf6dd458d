package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The filtered staff queue read from its views (cases:open:unit:*, cases:open:category:*, cases:due) gives what
 * the walk over cases:open filtered in Java gives, in the same order, through transfers, claims, replies and
 * endings, and the views are rebuilt for data stored before they existed.
 */
class QueueViewsIT {

    static EmbeddedRedis redis;
    static MutableClock clock = new MutableClock(at("2026-03-02T09:00"));
    static ConfigurableApplicationContext app;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @BeforeAll
    static void start() throws Exception {
        redis = EmbeddedRedis.start(Files.createTempDirectory("queue-redis"));
        app = TestApps.start(Files.createTempDirectory("queue-a"), redis.url(), clock, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
        redis.close();
    }

    private static String open(CaseDesk desk, String category) {
        return desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("web", "q" + UUID.randomUUID()),
                "zh", CaseRequest.Kind.COMPLAINT, category, "queue view test", List.of(), "奎文区", "某公司", null,
                "张三", "13800000000", false, List.of())).trackingNumber();
    }

    /** The queue as the walk over the whole of cases:open gives it, filtered in Java. */
    private static List<String> expected(CaseWork work, Predicate<CaseRecord> p, int limit) {
        return work.queue(CaseFilter.all(100_000)).stream().filter(p).limit(limit)
                .map(CaseRecord::trackingNumber).toList();
    }

    private static List<String> actual(CaseWork work, CaseFilter f) {
        return work.queue(f).stream().map(CaseRecord::trackingNumber).toList();
    }

    private static void sameAsWalk(CaseWork work) {
        Instant now = clock.instant();
        for (String unit : List.of("iit", "ndrc", "tax", "market")) {
            assertEquals(expected(work, c -> c.unit().equals(unit), 1000),
                    actual(work, new CaseFilter(null, unit, null, false, false, 1000)), "unit " + unit);
            assertEquals(expected(work, c -> c.unit().equals(unit), 2),
                    actual(work, new CaseFilter(null, unit, null, false, false, 2)), "unit " + unit + ", 2");
            assertEquals(expected(work, c -> c.unit().equals(unit) && c.overdue(now), 1000),
                    actual(work, new CaseFilter(null, unit, null, true, false, 1000)), "overdue of " + unit);
        }
        for (String category : List.of("payment", "fees", "tax", "registration")) {
            assertEquals(expected(work, c -> c.category().equals(category), 1000),
                    actual(work, new CaseFilter(null, null, category, false, false, 1000)), "category " + category);
            assertEquals(expected(work, c -> c.category().equals(category) && c.unit().equals("market"), 1000),
                    actual(work, new CaseFilter(null, "market", category, false, false, 1000)),
                    "category " + category + " in market");
        }
        assertEquals(expected(work, c -> c.overdue(now), 1000),
                actual(work, new CaseFilter(null, null, null, true, false, 1000)), "overdue");
        assertEquals(expected(work, c -> c.overdue(now), 3),
                actual(work, new CaseFilter(null, null, null, true, false, 3)), "overdue, 3");
        assertEquals(expected(work, c -> c.overdue(now) && c.state() == CaseState.DISPATCHED, 1000),
                actual(work, new CaseFilter(CaseState.DISPATCHED, null, null, true, false, 1000)),
                "overdue dispatched");
    }

    @Test
    void filteredViewsFollowEveryChangeAndAreRebuiltForOldData() throws Exception {
        CaseDesk desk = app.getBean(CaseDesk.class);
        CaseWork work = app.getBean(CaseWork.class);
        RedisStore store = app.getBean(RedisStore.class);
        List<String> payment = new ArrayList<>();
        List<String> fees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payment.add(open(desk, "payment"));
            fees.add(open(desk, "fees"));
            if (i % 2 == 1) {
                clock.advance(Duration.ofHours(1)); // some share a deadline, some do not
            }
        }
        String tax = open(desk, "tax");
        assertEquals(4, actual(work, new CaseFilter(null, "iit", null, false, false, 50)).size());
        assertEquals(fees, actual(work, new CaseFilter(null, null, "fees", false, false, 50)).stream()
                .sorted((x, y) -> fees.indexOf(x) - fees.indexOf(y)).toList());
        assertEquals(List.of(tax), actual(work, new CaseFilter(null, "tax", null, false, false, 50)));
        assertTrue(actual(work, new CaseFilter(null, null, null, true, false, 50)).isEmpty(), "none overdue yet");
        sameAsWalk(work);

        // a transfer moves the case between unit views
        Actor li = new Actor("tg:1", "李工");
        String moved = payment.get(1);
        assertTrue(work.transfer(moved, li, "market", null).done());
        assertFalse(actual(work, new CaseFilter(null, "iit", null, false, false, 50)).contains(moved));
        assertEquals(List.of(moved), actual(work, new CaseFilter(null, "market", null, false, false, 50)));
        assertEquals(List.of(moved), actual(work, new CaseFilter(null, "market", "payment", false, false, 50)));
        assertNull(store.jedis().zscore(store.key("cases:open:unit:iit"), moved));
        assertNotNull(store.jedis().zscore(store.key("cases:open:unit:market"), moved));
        sameAsWalk(work);

        // claim deadlines pass: every dispatched case is overdue, a claimed one is not (its due is the reply)
        assertTrue(work.claim(payment.get(0), li, null).done());
        clock.advance(Duration.ofDays(3));
        List<String> overdue = actual(work, new CaseFilter(null, null, null, true, false, 50));
        assertEquals(8, overdue.size());
        assertFalse(overdue.contains(payment.get(0)));
        assertTrue(overdue.contains(moved));
        sameAsWalk(work);

        // a reply sets the rating deadline; an extension re-scores; a decline takes the case off every view
        assertTrue(work.resolve(payment.get(0), li, "done", null).done());
        assertTrue(work.claim(fees.get(2), li, null).done());
        assertTrue(work.extend(fees.get(2), li, 5, "need documents", null).done());
        assertTrue(work.decline(fees.get(0), li, CaseWork.DeclineRoute.COURT, "合同纠纷", null, true).done());
        assertFalse(actual(work, new CaseFilter(null, null, "fees", false, false, 50)).contains(fees.get(0)));
        assertNull(store.jedis().zscore(store.key("cases:due"), fees.get(0)));
        assertNull(store.jedis().zscore(store.key("cases:open:category:fees"), fees.get(0)));
        assertNull(store.jedis().zscore(store.key("cases:open:unit:ndrc"), fees.get(0)));
        sameAsWalk(work);
        clock.advance(Duration.ofDays(30)); // past the rating and the extended reply deadlines
        sameAsWalk(work);
        assertEquals(8, actual(work, new CaseFilter(null, null, null, true, false, 50)).size());

        // a deployment upgraded from before the views: the views and the marker are missing; rebuilt on start
        List<String> before = actual(work, new CaseFilter(null, null, null, true, false, 50));
        var jedis = store.jedis();
        for (String k : jedis.keys(store.key("cases:open:*"))) {
            jedis.del(k);
        }
        jedis.del(store.key("cases:due"));
        ConfigurableApplicationContext upgraded = TestApps.start(Files.createTempDirectory("queue-b"), redis.url(),
                clock, Map.of());
        try {
            assertEquals("1", jedis.get(store.key("cases:open:views")));
            assertEquals(3, jedis.zcard(store.key("cases:open:unit:iit")));
            CaseWork again = upgraded.getBean(CaseWork.class);
            assertEquals(before, actual(again, new CaseFilter(null, null, null, true, false, 50)));
            sameAsWalk(again);
        } finally {
            upgraded.close();
        }
    }
}
