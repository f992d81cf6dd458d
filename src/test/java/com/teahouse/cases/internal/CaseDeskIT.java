package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseSummary;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "teahouse.cases.poll-interval=1h")
class CaseDeskIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("cases-it");
        registry.add("teahouse.data-dir", dir::toString);
    }

    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    RedisStore redis;

    private static Address owner() {
        return Address.of("telegram", "u" + UUID.randomUUID());
    }

    @Test
    void openIsDurableIdempotentAndDispatched() {
        Address owner = owner();
        String submission = UUID.randomUUID().toString();
        CaseSummary first = desk.open(Requests.complaint(submission, owner, false));
        assertTrue(first.trackingNumber().matches("QY-\\d{6}-\\d{4,}-[0-9A-Z]"));
        assertTrue(TrackingNumbers.wellFormed(first.trackingNumber()));
        CaseSummary again = desk.open(Requests.complaint(submission, owner, false));
        assertEquals(first.trackingNumber(), again.trackingNumber());
        CaseRecord record = work.get(first.trackingNumber()).orElseThrow();
        assertEquals(CaseState.DISPATCHED, record.state(), "the dispatch item fired right after opening");
        assertEquals("iit", record.unit());
        assertTrue(redis.jedis().sismember(redis.key("cases:by-unit:iit"), first.trackingNumber()));
        assertTrue(redis.jedis().sismember(redis.key("cases:by-state:dispatched"), first.trackingNumber()));
        assertEquals(1, desk.casesOf(owner).size());
    }

    @Test
    void oneSubmissionFromManyThreadsOpensOneCase() throws Exception {
        Address owner = owner();
        String submission = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        List<Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return numbers.add(desk.open(Requests.complaint(submission, owner, false)).trackingNumber());
            }));
        }
        go.countDown();
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1, numbers.size());
        assertEquals(1, desk.casesOf(owner).size());
    }

    @Test
    void onlyTheOwnerSeesACase() {
        Address owner = owner();
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, true)).trackingNumber();
        assertTrue(desk.find(t, owner).isPresent());
        assertTrue(desk.find(t.toLowerCase(), owner).isPresent());
        Address stranger = owner();
        assertEquals(desk.find("QY-990101-0001-0", stranger), desk.find(t, stranger), "same as unknown");
        assertTrue(desk.find(t, stranger).isEmpty());
        assertTrue(desk.casesOf(stranger).isEmpty());
        desk.rate(t, stranger, Rating.SATISFIED, null);
        desk.notSolved(t, stranger, "x");
        assertEquals(CaseState.DISPATCHED, work.get(t).orElseThrow().state(), "a stranger changes nothing");
    }

    @Test
    void theWholeWorkflowIsLogged() {
        Address owner = owner();
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, true)).trackingNumber();
        Actor li = new Actor("tg:1", "李工 (0101)");
        Actor wang = new Actor("tg:2", "王工 (0102)");
        work.topicOpened(t, new Address("telegram", "-100", "77"));
        assertEquals(t, work.caseOfTopic(new Address("telegram", "-100", "77")).orElseThrow());
        assertTrue(desk.takeoverOf(owner).isEmpty(), "no takeover before a claim");
        assertTrue(work.claim(t, li, "op-1").done());
        assertEquals(new Address("telegram", "-100", "77"), desk.takeoverOf(owner).orElseThrow());
        CaseWork.Outcome lost = work.claim(t, wang, "op-2");
        assertFalse(lost.done());
        assertEquals("李工 (0101)", lost.claimer());
        assertFalse(work.resolve(t, wang, "not mine", null).done(), "only the holder resolves");
        assertTrue(work.note(t, li, "called the company", "op-3").done());
        assertEquals(Problem.REPEATED, work.note(t, li, "called the company", "op-3").problem());
        assertTrue(work.resolve(t, li, "款项已于本周支付", "op-4").done());
        assertTrue(desk.takeoverOf(owner).isEmpty(), "takeover ends with the reply");
        desk.rate(t, owner, Rating.UNSATISFIED, "还没收到");
        CaseRecord reopened = work.get(t).orElseThrow();
        assertEquals(CaseState.REOPENED, reopened.state());
        assertEquals("tg:1", reopened.claimedBy(), "reopened for the same owner");
        assertTrue(work.resolve(t, li, "已核实到账", null).done());
        desk.rate(t, owner, Rating.SATISFIED, null);
        assertEquals(CaseState.CLOSED, work.get(t).orElseThrow().state());
        desk.rate(t, owner, Rating.SATISFIED, "满意，谢谢"); // the comment the dialog asks for after the press
        desk.rate(t, owner, Rating.SATISFIED, null); // a second press on the same button
        assertEquals(CaseState.CLOSED, work.get(t).orElseThrow().state());
        assertFalse(redis.jedis().zscore(redis.key("cases:open"), t) != null, "off the open queue");

        List<CaseHistoryEntry> log = work.history(t);
        assertEquals(List.of("open", "dispatch", "claim", "note", "resolve", "rate", "resolve", "rate", "comment"),
                log.stream().map(CaseHistoryEntry::type).toList());
        CaseHistoryEntry claim = log.get(2);
        assertEquals("tg:1", claim.who());
        assertEquals("dispatched", claim.from());
        assertEquals("claimed", claim.to());
        assertEquals("called the company", log.get(3).note());
        assertEquals("replied", log.get(5).from());
        assertEquals("reopened", log.get(5).to());
    }

    @Test
    void returnRerouteDeclineAndConfidentiality() {
        Address owner = owner();
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, true)).trackingNumber();
        CaseRecord full = work.get(t).orElseThrow();
        assertEquals("张三", full.contactName());
        CaseRecord unitView = full.withoutContact();
        assertNull(unitView.contactName());
        assertNull(unitView.phone());
        assertNull(unitView.company());
        Actor li = new Actor("tg:1", "李工");
        assertTrue(work.giveBack(t, li, "不属于本单位职责", null).done());
        assertEquals(CaseState.RETURNED, work.get(t).orElseThrow().state());
        assertFalse(work.reroute(t, li, "no-such-unit", null).done());
        assertTrue(work.reroute(t, new Actor("web:sup", "督办员"), "market", null).done());
        CaseRecord rerouted = work.get(t).orElseThrow();
        assertEquals(CaseState.DISPATCHED, rerouted.state());
        assertEquals("market", rerouted.unit());
        assertTrue(redis.jedis().sismember(redis.key("cases:by-unit:market"), t));
        assertFalse(redis.jedis().sismember(redis.key("cases:by-unit:iit"), t));
        assertTrue(work.queue(new CaseFilter(null, "market", null, false, false, 1000)).stream()
                .anyMatch(c -> c.trackingNumber().equals(t)));
        assertFalse(work.decline(t, li, CaseWork.DeclineRoute.COURT, "属于合同纠纷", null).done(), "li does not hold it");
        assertTrue(work.decline(t, new Actor("web:sup", "督办员"), CaseWork.DeclineRoute.COURT, "属于合同纠纷", null, true)
                .done());
        assertEquals(CaseState.DECLINED, work.get(t).orElseThrow().state());
        assertFalse(work.claim(t, li, null).done(), "declined is an ending");
    }
}
