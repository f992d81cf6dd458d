package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The notices stream in Redis: an entry for a case exists exactly when a change to it was stored, and a notice
 * delivered again (as after a crash before its acknowledgement) posts nothing a second time.
 */
@SpringBootTest(properties = "teahouse.cases.poll-interval=1h")
class CaseNoticesIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("notices-it");
        registry.add("teahouse.data-dir", dir::toString);
    }

    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    RedisStore redis;
    @Autowired
    CaseMerging merging;

    private final Actor li = new Actor("tg:1", "Li");

    private List<StreamEntry> noticesOf(String t) {
        return redis.jedis().xrange(redis.key("cases:notices"), (StreamEntryID) null, null).stream()
                .filter(e -> t.equals(e.getFields().get("case"))).toList();
    }

    /** Replies and notices waiting in the outbox for this chat (nothing sends to "telegram" in this context). */
    private List<String> outboxTo(Address owner) {
        List<String> out = new java.util.ArrayList<>();
        for (String key : redis.jedis().keys(redis.key("outbox:*"))) {
            if (key.matches(".*outbox:\\d+")) {
                redis.jedis().xrange(key, (StreamEntryID) null, null).stream().map(e -> e.getFields().get("m"))
                        .filter(m -> m.contains("\"" + owner.chat() + "\"")).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void anEntryExistsIfAndOnlyIfTheCaseChanged() {
        Address owner = Address.of("telegram", "n" + UUID.randomUUID());
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, false)).trackingNumber();
        assertThat(noticesOf(t)).hasSize(1); // the first dispatch
        assertThat(noticesOf(t).get(0).getFields().get("events")).contains("\"type\":\"CaseDispatched\"");
        assertThat(work.claim(t, li, "op-" + t).done()).isTrue();
        assertThat(work.claim(t, li, "op-" + t).done()).isFalse(); // a replay
        assertThat(work.claim(t, new Actor("tg:2", "Wang"), null).done()).isFalse(); // the wrong state
        assertThat(work.resolve(t, li, "", null).done()).isFalse(); // bad input
        assertThat(noticesOf(t)).hasSize(2);
        assertThat(noticesOf(t).get(1).getFields().get("events")).contains("\"type\":\"CaseClaimed\"", "\"Li\"");
        assertThat(work.resolve(t, li, "已协调付款", null).done()).isTrue();
        assertThat(noticesOf(t)).hasSize(3);
        desk.rate(t, owner, Rating.SATISFIED, null, "m1");
        assertThat(noticesOf(t)).hasSize(4);
        assertThat(noticesOf(t).get(3).getFields().get("events")).contains("CaseRated", "CaseClosed");
    }

    @Test
    void aRatingCommentReplayedIsRecordedOnce() {
        Address owner = Address.of("telegram", "n" + UUID.randomUUID());
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, false)).trackingNumber();
        work.claim(t, li, null);
        work.resolve(t, li, "已协调付款", null);
        desk.rate(t, owner, Rating.SATISFIED, null, "press-1");
        desk.rate(t, owner, Rating.SATISFIED, "很及时", "comment-1");
        desk.rate(t, owner, Rating.SATISFIED, "很及时", "comment-1"); // the same message after a crash
        List<CaseHistoryEntry> comments = work.history(t).stream().filter(h -> h.type().equals("comment")).toList();
        assertThat(comments).hasSize(1);
        assertThat(noticesOf(t).stream().filter(e -> e.getFields().get("events").contains("很及时"))).hasSize(1);
    }

    @Test
    void aNoticeDeliveredAgainPostsNothingTwice() {
        Address owner = Address.of("telegram", "n" + UUID.randomUUID());
        String t = desk.open(Requests.complaint(UUID.randomUUID().toString(), owner, false)).trackingNumber();
        work.claim(t, li, null);
        StreamEntryID claimed = noticesOf(t).get(1).getID();
        await().atMost(Duration.ofMinutes(1)).until(() -> outboxTo(owner).size() == 1 && delivered(claimed));
        assertThat(outboxTo(owner).get(0)).contains("Li");
        assertThat(redis.jedis().exists(redis.key("notice-sent:" + claimed + ":owner"))).isTrue();
        // as if the deliverer had died after posting, before acknowledging: the entry is read again
        StreamEntryID before = claimed.getSequence() > 0
                ? new StreamEntryID(claimed.getTime(), claimed.getSequence() - 1)
                : new StreamEntryID(claimed.getTime() - 1, 0);
        redis.jedis().xgroupSetID(redis.key("cases:notices"), CaseNotices.GROUP, before);
        assertThat(delivered(claimed)).isFalse();
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered(claimed));
        assertThat(outboxTo(owner)).hasSize(1);
    }

    /**
     * 并单: B's entrepreneur hears of the merge, and of what staff say on A, from the notices stream (appended by
     * the merge's own script and by A's change), and a redelivery after a crash tells them nothing twice.
     */
    @Test
    void aMergeIsToldThroughTheNoticesStreamOnce() {
        Address ownerA = Address.of("telegram", "n" + UUID.randomUUID());
        Address ownerB = Address.of("telegram", "n" + UUID.randomUUID());
        String a = desk.open(Requests.complaint(UUID.randomUUID().toString(), ownerA, false)).trackingNumber();
        String b = desk.open(Requests.complaint(UUID.randomUUID().toString(), ownerB, false)).trackingNumber();
        assertThat(merging.merge(b, a, li, false).done()).isTrue();
        StreamEntryID merged = noticesOf(b).get(noticesOf(b).size() - 1).getID();
        assertThat(noticesOf(b).get(noticesOf(b).size() - 1).getFields().get("events")).contains("CaseMerged", a);
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered(merged) && toldAbout(ownerB, a) == 1);

        assertThat(work.claim(a, li, null).done()).isTrue();
        assertThat(work.said(a, li, "已联系财务科核实", null).done()).isTrue();
        StreamEntryID said = noticesOf(a).get(noticesOf(a).size() - 1).getID();
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered(said)
                && outboxTo(ownerB).stream().filter(m -> m.contains("已联系财务科核实")).count() == 1);

        // as if the deliverer had died before acknowledging both: read again, posted nothing twice
        redis.jedis().xgroupSetID(redis.key("cases:notices"), CaseNotices.GROUP,
                new StreamEntryID(merged.getTime() - 1, 0));
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered(said));
        assertThat(toldAbout(ownerB, a)).isEqualTo(1);
        assertThat(outboxTo(ownerB).stream().filter(m -> m.contains("已联系财务科核实"))).hasSize(1);
    }

    /** How many messages to {@code owner} speak of the merge into {@code a} ("统一由诉求 <a> 办理"). */
    private long toldAbout(Address owner, String a) {
        return outboxTo(owner).stream().filter(m -> m.contains("统一由诉求") && m.contains(a)).count();
    }

    /** The deliverer has read up to this entry and has nothing pending. */
    private boolean delivered(StreamEntryID id) {
        var group = redis.jedis().xinfoGroups(redis.key("cases:notices")).stream()
                .filter(g -> g.getName().equals(CaseNotices.GROUP)).findFirst();
        return group.isPresent() && group.get().getPending() == 0
                && group.get().getLastDeliveredId().compareTo(id) >= 0;
    }
}
