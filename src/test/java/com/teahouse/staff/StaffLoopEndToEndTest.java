package com.teahouse.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's closed loop end to end: the whole app with the real telegrambots client against the fake Bot API
 * (which checks every call against the spec), the entrepreneur in a private chat, staff in a forum supergroup.
 */
class StaffLoopEndToEndTest {

    static final long GROUP = -1001234567890L;
    static final FakeUser LI = FakeUser.human(11, "李工", "zh");
    static final FakeUser WANG = FakeUser.human(12, "王工", "zh");
    static final FakeUser STRANGER = FakeUser.human(99, "路人", "zh");

    @TempDir
    Path data;
    FakeBotApiServer telegram;
    FakeTelegramChats chats;
    FakeChat group;

    @BeforeEach
    void startTelegram() {
        telegram = new FakeBotApiServer().start();
        chats = new FakeTelegramChats(telegram);
        group = telegram.forumGroup(GROUP, "热线工作群", LI, WANG, STRANGER);
    }

    @AfterEach
    void stopTelegram() {
        assertThat(telegram.rejectedCalls()).as("calls the fake Bot API refused").isEmpty();
        telegram.close();
    }

    Map<String, String> properties() {
        Map<String, String> p = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
        p.put("teahouse.telegram.staff-chat-id", String.valueOf(GROUP));
        p.put("teahouse.telegram.staff-user-ids", LI.id() + "," + WANG.id());
        p.putAll(TestHotline.unthrottledSends());
        return p;
    }

    TestHotline hotline() {
        return TestHotline.start(data, properties());
    }

    /** /human opens a case at once; returns its number as the entrepreneur was told it. */
    String handoff(FakeChat boss) {
        return FakeTelegramChats.tracking(chats.says(boss, "/human", "工单编号").text());
    }

    @Test
    void complaintClaimRelayResolveRateClosed() {
        try (TestHotline app = hotline()) {
            FakeChat boss = telegram.privateChat(5001, "王老板", "zh-hans");
            chats.says(boss, "/complain", "第 1 步");
            chats.presses(boss, "拖欠账款、保证金不退", "第 2 步");
            chats.says(boss, "2025年3月我们为区政府完成了道路工程，至今尾款 120 万元未付，多次催要无果。", "第 3 步");
            chats.says(boss, "高密市", "第 4 步");
            chats.says(boss, "潍坊示例科技有限公司", "统一社会信用代码");
            chats.presses(boss, "跳过", "第 6 步");
            chats.says(boss, "张三", "第 7 步");
            int from = chats.count(boss);
            telegram.userSharesContact(boss, "+8613800138000");
            chats.awaitText(boss, null, from, "第 8 步");
            chats.presses(boss, "不保密", "请核对");
            SentMessage opened = chats.presses(boss, "✅ 确认提交", "投诉已受理");
            String t = FakeTelegramChats.tracking(opened.text());
            assertThat(t).matches("[A-Z]{2}-\\d{6}-\\d{4,}-[0-9A-Z]");
            CaseWork work = app.bean(CaseWork.class);
            assertThat(work.get(t)).get().extracting(CaseRecord::company).isEqualTo("潍坊示例科技有限公司");

            int thread = chats.topicOf(group, t);
            SentMessage card = chats.card(group, thread, t);
            // the forum is shared by every unit: the phone stays behind the logged "show contact" button
            assertThat(card.text()).contains(t, "潍坊示例科技有限公司").doesNotContain("13800138000", "张三");
            assertThat(card.buttonTexts().stream().flatMap(java.util.List::stream)).contains("查看联系方式");
            int bossBefore = chats.count(boss);
            chats.press(group, LI, card, "接单");
            chats.awaitText(boss, null, bossBefore, "李工");
            assertThat(telegram.sentMessages(boss.id()).stream().filter(m -> m.text().contains(t)
                    && m.text().contains("受理"))).as("the number is told once").hasSize(1);

            int topicBefore = telegram.sentMessages(GROUP).size();
            telegram.userSends(boss, "合同编号 HT-2025-001，付款方是区建设局");
            chats.awaitText(group, thread, topicBefore, "HT-2025-001");
            bossBefore = chats.count(boss);
            telegram.staffWritesInTopic(group, thread, LI, "收到，我们正在与付款方核实");
            chats.awaitText(boss, null, bossBefore, "收到，我们正在与付款方核实");
            telegram.staffWritesInTopic(group, thread, LI, "/note 已电话联系区建设局");
            chats.awaitText(group, thread, topicBefore, "备注已记录");
            telegram.staffWritesInTopic(group, thread, LI, "/resolve 区建设局已于今日支付尾款 120 万元");
            chats.awaitText(boss, null, bossBefore, "区建设局已于今日支付尾款");
            assertThat(telegram.sentMessages(boss.id())).noneMatch(m -> m.text().contains("已电话联系"));

            chats.presses(boss, "满意", "感谢您的评价");
            chats.awaitText(boss, null, bossBefore, "已办结");
            CaseRecord closed = work.get(t).orElseThrow();
            assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
            assertThat(closed.rating()).isEqualTo("SATISFIED");
            // the staff forum hears of it too (and the fake checks those calls before the app stops)
            chats.awaitText(group, thread, topicBefore, "案件已办结");
            chats.await(group, thread, 0, m -> m.messageId() == card.messageId()
                    && telegram.message(GROUP, card.messageId()).path("text").asText().contains("已办结"),
                    "card edited to closed");
        }
    }

    @Test
    void aNonStaffPressOrCommandIsRefusedAndChangesNothing() {
        try (TestHotline app = hotline()) {
            String t = handoff(telegram.privateChat(5002, "赵老板", "zh-hans"));
            int thread = chats.topicOf(group, t);
            SentMessage card = chats.card(group, thread, t);
            chats.press(group, STRANGER, card, "接单");
            SentMessage first = chats.awaitText(group, thread, 0, "只有热线工作人员");
            telegram.staffWritesInTopic(group, thread, STRANGER, "/claim");
            chats.await(group, thread, 0, m -> m.messageId() > first.messageId()
                    && m.text().contains("只有热线工作人员"), "second refusal");
            CaseRecord c = app.bean(CaseWork.class).get(t).orElseThrow();
            assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
            assertThat(c.claimedBy()).isNull();
        }
    }

    @Test
    void twoStaffClaimAtOnceExactlyOneWins() {
        try (TestHotline app = hotline()) {
            String t = handoff(telegram.privateChat(5003, "钱老板", "zh-hans"));
            int thread = chats.topicOf(group, t);
            SentMessage card = chats.card(group, thread, t);
            chats.press(group, LI, card, "接单");
            chats.press(group, WANG, card, "接单");
            CaseRecord c = awaitState(app, t, CaseState.CLAIMED);
            String winner = c.claimedByName();
            assertThat(winner).isIn("李工", "王工");
            chats.awaitText(group, thread, 0, "该案件已由 " + winner + " 接单");
            assertThat(app.bean(CaseWork.class).history(t)).filteredOn(e -> e.type().equals("claim")).hasSize(1);
        }
    }

    @Test
    void aCaseCarriesOnAfterARestart() {
        FakeChat boss = telegram.privateChat(5004, "孙老板", "zh-hans");
        String t;
        int thread;
        try (TestHotline app = hotline()) {
            t = handoff(boss);
            thread = chats.topicOf(group, t);
            chats.card(group, thread, t);
        }
        try (TestHotline app = hotline()) {
            SentMessage card = chats.card(group, thread, t);
            int bossBefore = chats.count(boss);
            chats.press(group, LI, card, "接单");
            chats.awaitText(boss, null, bossBefore, "李工");
            int topicBefore = telegram.sentMessages(GROUP).size();
            telegram.userSends(boss, "重启以后还能收到吗");
            chats.awaitText(group, thread, topicBefore, "重启以后还能收到吗");
            telegram.staffWritesInTopic(group, thread, LI, "能收到，请放心");
            chats.awaitText(boss, null, bossBefore, "能收到，请放心");
            assertThat(app.bean(CaseWork.class).get(t).orElseThrow().state()).isEqualTo(CaseState.CLAIMED);
        }
    }

    @Test
    void aMissedClaimDeadlineGoesUnderSupervision() {
        // Wednesday 2026-11-25, 10:00 in Shanghai: a working day, two working hours to claim
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
        Map<String, String> p = properties();
        p.put("teahouse.cases.poll-interval", "200ms");
        p.put("teahouse.messaging.lease-ttl", "3s");
        p.put("teahouse.telegram.poll-timeout-seconds", "1");
        var app = TestApps.start(data, null, clock, p);
        try {
            String t = handoff(telegram.privateChat(5005, "李老板", "zh-hans"));
            int thread = chats.topicOf(group, t);
            chats.card(group, thread, t);
            clock.advance(Duration.ofHours(3));
            chats.awaitText(group, null, 0, "【督办】" + t);
            assertThat(app.getBean(CaseWork.class).get(t).orElseThrow().supervised()).isTrue();
        } finally {
            app.close();
        }
    }

    CaseRecord awaitState(TestHotline app, String t, CaseState state) {
        long end = System.currentTimeMillis() + FakeTelegramChats.WAIT.toMillis();
        while (System.currentTimeMillis() < end) {
            CaseRecord c = app.bean(CaseWork.class).get(t).orElseThrow();
            if (c.state() == state) {
                return c;
            }
            FakeTelegramChats.sleep(25);
        }
        throw new AssertionError(t + " never reached " + state);
    }
}
