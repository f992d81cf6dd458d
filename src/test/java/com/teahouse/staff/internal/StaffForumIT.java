package com.teahouse.staff.internal;

import com.teahouse.cases.ConversationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import com.teahouse.staff.StaffRole;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff forum through the real message path (inbox, lanes, handler, outbox) with a capturing "telegram"
 * outlet: case → topic and card → refusals → double claim → relay → note → resolve → rating → closed.
 */
@SpringBootTest(properties = {"teahouse.telegram.staff-chat-id=-100500", "teahouse.telegram.staff-user-ids=11,12",
        "teahouse.cases.poll-interval=1h"})
@Import(StaffTestBeans.CapturedTelegram.class)
class StaffForumIT {

    static final Address STAFF = Address.of("telegram", "-100500");
    static final Address OWNER = Address.of("telegram", "777");
    static final AtomicInteger updates = new AtomicInteger();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "staff-it");
    }

    @Autowired
    HolderIds ids;
    @Autowired
    CapturingTelegram telegram;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    Inbox inbox;
    @Autowired
    AccountStore accounts;

    static Person user(String id, String name) {
        return new Person(id, name, "zh");
    }

    void press(Address where, Person who, String data) {
        inbox.accept(List.of(Inbound.button("tg:" + updates.incrementAndGet(), where, who, data, "1", "cb")));
    }

    void say(Address where, Person who, String text) {
        inbox.accept(List.of(Inbound.text("tg:" + updates.incrementAndGet(), where, who, text)));
    }

    @Test
    void theClosedLoopInTheStaffForum() {
        CaseRequest request = new CaseRequest(UUID.randomUUID().toString(), OWNER, "zh", CaseRequest.Kind.COMPLAINT,
                "payment", "工程款拖欠半年", List.of(), "奎文区", "某某科技有限公司", null, "张三", "13800000000",
                true, List.of(ConversationLine.user("我要投诉", null)));
        String t = desk.open(request).trackingNumber();

        Outbound opened = telegram.await(o -> o.action() == Outbound.Action.OPEN_THREAD);
        assertEquals(STAFF, opened.to());
        String title = opened.text().plainText();
        assertTrue(title.contains(t) && title.contains("拖欠账款"), title);
        assertFalse(title.contains("某某科技"), "confidential: no company in the title");
        Outbound cardMsg = telegram.await(o -> o.to().chat().equals(STAFF.chat()) && o.to().thread() != null
                && o.action() == Outbound.Action.SEND && o.text().plainText().contains(t));
        Address topic = cardMsg.to();
        String card = cardMsg.text().plainText();
        assertFalse(card.contains("张三") || card.contains("13800000000") || card.contains("某某科技"), card);
        assertTrue(cardMsg.buttons().stream().flatMap(List::stream).map(Button::data).toList()
                .containsAll(List.of("case:claim:" + t, "case:resolve:" + t, "case:transfer:" + t,
                        "case:return:" + t, "case:note:" + t)));
        // the number reaches the entrepreneur in the conversation's own reply, not as a second notice
        assertTrue(telegram.sent.stream().noneMatch(CapturingTelegram.to(OWNER, t)), "no duplicate 'received'");

        // a stranger in the group presses claim and types a command: refused, nothing changes
        press(topic, user("99", "路人"), "case:claim:" + t);
        telegram.await(CapturingTelegram.to(topic, "只有热线工作人员"));
        say(topic, user("99", "路人"), "/resolve 我来答复");
        awaitCount(CapturingTelegram.to(topic, "只有热线工作人员"), 2);
        assertEquals(CaseState.DISPATCHED, work.get(t).orElseThrow().state());

        // two staff press claim together: one wins, the other is told who
        press(topic, user("11", "李工"), "case:claim:" + t);
        press(topic, user("12", "王工"), "case:claim:" + t);
        telegram.await(CapturingTelegram.to(topic, "该案件已由 李工 接单"));
        assertEquals(ids.bootstrap("11"), work.get(t).orElseThrow().claimedBy(), "by a keyed hash, not the id (F21)");
        telegram.await(CapturingTelegram.to(OWNER, "李工"));
        assertEquals(topic, desk.takeoverOf(OWNER).orElseThrow(), "the entrepreneur's messages go to the topic");

        // relay: the holder's words reach the entrepreneur; a note does not; a colleague's chat does not
        say(topic, user("11", "李工"), "您好，请提供合同编号");
        telegram.await(CapturingTelegram.to(OWNER, "请提供合同编号"));
        say(topic, user("11", "李工"), "/note 已电话联系付款方");
        telegram.await(CapturingTelegram.to(topic, "备注已记录"));
        say(topic, user("12", "王工"), "内部讨论一下");
        say(topic, user("11", "李工"), "/resolve 款项已于今日支付");
        Outbound ask = telegram.await(o -> o.to().equals(OWNER) && !o.buttons().isEmpty());
        assertEquals(List.of("rate:" + t + ":s", "rate:" + t + ":b", "rate:" + t + ":u"),
                ask.buttons().get(0).stream().map(Button::data).toList());
        telegram.await(CapturingTelegram.to(OWNER, "款项已于今日支付"));
        assertTrue(telegram.sent.stream().noneMatch(CapturingTelegram.to(OWNER, "已电话联系付款方")));
        assertTrue(telegram.sent.stream().noneMatch(CapturingTelegram.to(OWNER, "内部讨论")));
        assertTrue(desk.takeoverOf(OWNER).isEmpty(), "the bot speaks again after the reply");

        desk.rate(t, OWNER, CaseDesk.Rating.SATISFIED, null);
        assertEquals(CaseState.CLOSED, work.get(t).orElseThrow().state());
        telegram.await(CapturingTelegram.to(OWNER, "已办结"));
        desk.rate(t, OWNER, CaseDesk.Rating.SATISFIED, "很及时"); // the dialog's follow-up with the comment
        telegram.await(o -> o.action() == Outbound.Action.EDIT && o.to().equals(topic)
                && o.text().plainText().contains("已办结") && o.buttons().isEmpty());
        assertEquals(List.of("open", "dispatch", "claim", "message", "note", "resolve", "rate", "comment"),
                work.history(t).stream().map(CaseHistoryEntry::type).toList());
    }

    @Test
    void onlySupervisorsSeeAConfidentialContact() {
        accounts.create(new Account("sup", "x", Set.of(StaffRole.SUPERVISOR), null, "赵督办", "S01", null));
        accounts.linkTelegram("sup", "13");
        CaseRequest request = new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram", "778"), "zh",
                CaseRequest.Kind.COMPLAINT, "tax", "退税迟迟不到", List.of(), null, "保密公司", null, "李四",
                "13900000000", true, List.of());
        String t = desk.open(request).trackingNumber();
        Outbound cardMsg = telegram.await(o -> o.action() == Outbound.Action.SEND && o.to().thread() != null
                && o.text().plainText().contains(t));
        // unit staff (linked account of the case's unit): a confidential contact is for supervisors only
        accounts.create(new Account("taxer", "x", Set.of(StaffRole.STAFF), work.get(t).orElseThrow().unit(), "钱税务",
                "T01", null));
        accounts.linkTelegram("taxer", "14");
        press(cardMsg.to(), user("14", "钱税务"), "case:contact:" + t);
        telegram.await(CapturingTelegram.to(cardMsg.to(), "只有督办人员"));
        // a supervisor needs a reason, and the look is logged without the data
        press(cardMsg.to(), user("13", "赵督办"), "case:contact:" + t);
        telegram.await(CapturingTelegram.to(cardMsg.to(), "须写明查看理由"));
        say(cardMsg.to(), user("13", "赵督办"), "/contact 企业要求回电");
        Outbound contact = telegram.await(CapturingTelegram.to(Address.of("telegram", "13"), "13900000000"));
        assertTrue(contact.text().plainText().contains("保密公司"));
        assertTrue(work.history(t).stream().anyMatch(h -> h.type().equals("contact") && h.note().equals("企业要求回电")
                && !h.note().contains("13900000000")), "the look is in the case's history, without the phone");
        assertTrue(telegram.sent.stream().filter(o -> o.to().equals(cardMsg.to()) && o.text() != null)
                .noneMatch(o -> o.text().plainText().contains("13900000000")), "never in the topic");
    }

    private void awaitCount(java.util.function.Predicate<Outbound> what, int n) {
        long end = System.currentTimeMillis() + 15_000;
        while (telegram.sent.stream().filter(what).count() < n) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("expected " + n + " messages");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
