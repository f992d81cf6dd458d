package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Two Teahouse instances on one real redis-server, with one controllable clock. */
class CasesAcrossInstancesIT {

    static EmbeddedRedis redis;
    static MutableClock clock = new MutableClock(at("2026-03-03T09:00"));
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static List<CaseEvent> supervisionsSeen = new CopyOnWriteArrayList<>();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @BeforeAll
    static void start() throws Exception {
        redis = EmbeddedRedis.start(Files.createTempDirectory("shared-redis"));
        a = TestApps.start(Files.createTempDirectory("a"), redis.url(), clock, Map.of());
        b = TestApps.start(Files.createTempDirectory("b"), redis.url(), clock, Map.of());
        for (var ctx : List.of(a, b)) {
            ctx.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                if (e.getPayload() instanceof CaseEvent.CaseUnderSupervision s) {
                    supervisionsSeen.add(s);
                }
            });
        }
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        redis.close();
    }

    @Test
    void trackingNumbersAreUniqueAcrossThreadsAndInstances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            CaseDesk desk = (i % 2 == 0 ? a : b).getBean(CaseDesk.class);
            Callable<Boolean> open = () -> numbers.add(desk.open(Requests.complaint(UUID.randomUUID().toString(),
                    Address.of("web", "w" + UUID.randomUUID()), false)).trackingNumber());
            all.add(pool.submit(open));
        }
        for (Future<Boolean> f : all) {
            assertTrue(f.get(60, TimeUnit.SECONDS), "a duplicate number");
        }
        pool.shutdown();
        assertEquals(400, numbers.size());
        assertTrue(numbers.stream().allMatch(TrackingNumbers::wellFormed));
    }

    @Test
    void twoStaffClaimingAtOnceOneWins() throws Exception {
        String t = a.getBean(CaseDesk.class).open(Requests.complaint(UUID.randomUUID().toString(),
                Address.of("web", "x" + UUID.randomUUID()), false)).trackingNumber();
        for (int round = 0; round < 5; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            var left = pool.submit(() -> a.getBean(CaseWork.class).claim(t, new Actor("tg:1", "李工"), null));
            var right = pool.submit(() -> b.getBean(CaseWork.class).claim(t, new Actor("tg:2", "王工"), null));
            CaseWork.Outcome l = left.get();
            CaseWork.Outcome r = right.get();
            pool.shutdown();
            assertTrue(l.done() ^ r.done(), "exactly one wins");
            CaseWork.Outcome loser = l.done() ? r : l;
            assertEquals(l.done() ? "李工" : "王工", loser.claimer());
            CaseWork work = a.getBean(CaseWork.class);
            String holder = work.get(t).orElseThrow().claimedBy();
            work.transfer(t, new Actor(holder, "x"), "iit", null);
        }
    }

    @Test
    void aMissedClaimDeadlineGoesUnderSupervisionOnceWithTwoInstances() throws Exception {
        clock.set(at("2026-03-03T16:30"));
        String t = a.getBean(CaseDesk.class).open(Requests.complaint(UUID.randomUUID().toString(),
                Address.of("web", "y" + UUID.randomUUID()), false)).trackingNumber();
        CaseRecord c = a.getBean(CaseWork.class).get(t).orElseThrow();
        assertEquals(at("2026-03-04T09:30"), c.claimDue(), "2 working hours across the night");
        assertEquals(at("2026-03-10T17:30"), c.replyDue());
        clock.set(at("2026-03-04T09:10"));
        fireConcurrently(t, "claim-remind");
        assertEquals(1, count(t, "remind"));
        clock.set(at("2026-03-04T09:31"));
        int before = supervisionsSeen.size();
        int fired = fireConcurrently(t, "claim-due");
        assertEquals(1, fired, "one instance fired the breach");
        assertEquals(1, count(t, "supervise"));
        assertEquals(before + 1, supervisionsSeen.size(), "one event in all instances together");
        CaseRecord supervised = a.getBean(CaseWork.class).get(t).orElseThrow();
        assertTrue(supervised.supervised());
        assertTrue(a.getBean(CaseWork.class).queue(new com.teahouse.cases.CaseFilter(null, null, null, false, true,
                100)).stream().anyMatch(r -> r.trackingNumber().equals(t)), "on the supervision list");
        // the reply deadline, through the polling path of both schedulers
        clock.set(at("2026-03-10T17:31"));
        a.getBean(DeadlineScheduler.class).runOnce();
        b.getBean(DeadlineScheduler.class).runOnce();
        assertEquals(2, count(t, "supervise"), "claim and reply breaches, each once");
    }

    private static int fireConcurrently(String t, String kind) throws Exception {
        AtomicInteger fired = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DeadlineScheduler s = (i % 2 == 0 ? a : b).getBean(DeadlineScheduler.class);
            all.add(pool.submit(() -> {
                if (s.fireNow(t, kind)) {
                    fired.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return fired.get();
    }

    private static long count(String t, String type) {
        List<CaseHistoryEntry> log = a.getBean(CaseWork.class).history(t);
        return log.stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void anUnratedReplyClosesAfterThreeDays() {
        clock.set(at("2026-03-05T10:00"));
        Address owner = Address.of("web", "z" + UUID.randomUUID());
        String t = a.getBean(CaseDesk.class).open(Requests.complaint(UUID.randomUUID().toString(), owner, false))
                .trackingNumber();
        CaseWork work = b.getBean(CaseWork.class);
        work.claim(t, new Actor("tg:1", "李工"), null);
        work.resolve(t, new Actor("tg:1", "李工"), "已处理", null);
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertTrue(a.getBean(DeadlineScheduler.class).fireNow(t, "rate-due"));
        assertFalse(b.getBean(DeadlineScheduler.class).fireNow(t, "rate-due"), "gone once fired");
        assertEquals(CaseState.CLOSED, work.get(t).orElseThrow().state());
    }
}
