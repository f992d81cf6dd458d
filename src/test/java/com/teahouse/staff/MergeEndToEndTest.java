package com.teahouse.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 并单 end to end: the whole app with the real telegrambots client against the fake Bot API. Three entrepreneurs
 * complain about the same unpaid invoice in different words; they are suggested as one group and merged; one
 * staff reply and one resolution reach all three; each rates separately; a 不满意 reopens the case for all.
 */
class MergeEndToEndTest {

    static final long GROUP = -1001234567891L;
    static final FakeUser LI = FakeUser.human(11, "李工", "zh");
    static final Actor SUPERVISOR = new Actor("tg:" + LI.id(), "李工");

    @TempDir
    Path data;
    FakeBotApiServer telegram;
    FakeTelegramChats chats;
    FakeChat group;

    @BeforeEach
    void startTelegram() {
        telegram = new FakeBotApiServer().start();
        chats = new FakeTelegramChats(telegram);
        group = telegram.forumGroup(GROUP, "热线工作群", LI);
    }

    @AfterEach
    void stopTelegram() {
        assertThat(telegram.rejectedCalls()).as("calls the fake Bot API refused").isEmpty();
        telegram.close();
    }

    /** The unpaid invoice as each entrepreneur tells it (A first, then B, then C). */
    static final String INVOICE_A = "2025年3月我们为城管局完成了道路修缮工程，尾款120万元至今未付，多次催要无果。";
    static final String INVOICE_B = "城管局拖欠我公司道路修缮工程尾款一百二十万，工程早已验收，财务说没钱一直拖着。";
    static final String INVOICE_C = "我是恒达建筑的项目经理，城管局的道路修缮工程尾款120万元拖了快一年，工人工资都发不出来。";
    static final String COMPANY = "潍坊恒达建筑工程有限公司";

    /** The hotline on the fake Bot API, with the staff forum and 李工 as a supervisor in it. */
    TestHotline startHotline() {
        Map<String, String> p = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
        p.put("teahouse.telegram.staff-chat-id", String.valueOf(GROUP));
        p.put("teahouse.telegram.staff-user-ids", String.valueOf(LI.id()));
        p.putAll(TestHotline.unthrottledSends());
        return TestHotline.start(data, p);
    }

    /** Merges B into A as 李工, once B's card is in its topic (the merge's lines there come after it). */
    void mergeFromTopic(CaseMerging merging, String b, String a) {
        chats.card(group, chats.topicOf(group, b), b);
        assertThat(merging.merge(b, a, SUPERVISOR, true).done()).isTrue();
    }

    String complain(FakeChat boss, String text, String company) {
        return chats.complain(boss, text, company);
    }

    @Test
    void threeComplaintsAboutOneInvoiceAreMergedAnsweredOnceAndRatedSeparately() {
        try (TestHotline app = startHotline()) {
            FakeChat wang = telegram.privateChat(6001, "王老板", "zh-hans");
            FakeChat zhao = telegram.privateChat(6002, "赵会计", "zh-hans");
            FakeChat sun = telegram.privateChat(6003, "孙经理", "zh-hans");
            String a = complain(wang, INVOICE_A, COMPANY);
            String b = complain(zhao, INVOICE_B, COMPANY);
            String c = complain(sun, INVOICE_C, "恒达建筑工程有限公司");
            CaseMerging merging = app.bean(CaseMerging.class);
            CaseWork work = app.bean(CaseWork.class);
            assertThat(merging.similarTo(c)).extracting(CaseMerging.Similar::tracking).containsExactlyInAnyOrder(a, b);
            assertThat(merging.similarTo(a)).extracting(CaseMerging.Similar::tracking).contains(b, c);

            int threadA = chats.topicOf(group, a);
            int threadB = chats.topicOf(group, b);
            int zhaoBefore = chats.count(zhao);
            int groupBefore = telegram.sentMessages(GROUP).size();
            mergeFromTopic(merging, b, a);
            assertThat(merging.merge(c, a, SUPERVISOR, true).done()).isTrue();
            chats.awaitText(zhao, null, zhaoBefore, "统一由诉求 " + a);
            chats.awaitText(sun, null, 0, "统一由诉求 " + a);
            chats.awaitText(group, threadA, groupBefore, "一百二十万");
            chats.awaitText(group, threadB, groupBefore, "本案已并入诉求 " + a);
            // B's topic is closed after its last line, which links to A's topic; the group's later notices (A's
            // resolution reaching B, B's rating) post nothing into it, or the fake would have refused them
            chats.awaitText(group, threadB, groupBefore, "https://t.me/c/" + String.valueOf(GROUP).substring(4)
                    + "/" + threadA);
            Awaitility.await().until(() -> closed(threadB));
            assertThat(closed(threadA)).isFalse();
            assertThat(chats.says(zhao, "/status " + b, b).text()).contains("合并办理中");

            SentMessage card = chats.card(group, threadA, a);
            chats.press(group, LI, card, "接单");
            chats.awaitText(wang, null, 0, "李工");
            telegram.staffWritesInTopic(group, threadA, LI, "已联系城管局财务科核实");
            for (FakeChat boss : List.of(wang, zhao, sun)) {
                chats.awaitText(boss, null, 0, "已联系城管局财务科核实");
            }
            telegram.staffWritesInTopic(group, threadA, LI, "/resolve 城管局已承诺本月底前支付尾款120万元");
            for (FakeChat boss : List.of(wang, zhao, sun)) {
                chats.awaitButton(boss, 0, "不满意");
                chats.awaitText(boss, null, 0, "本月底前支付尾款");
            }
            assertThat(List.of(a, b, c)).allMatch(t -> work.get(t).orElseThrow().state() == CaseState.REPLIED);

            chats.presses(wang, "满意", "感谢您的评价");
            chats.presses(zhao, "基本满意", "感谢您的评价");
            Awaitility.await().until(() -> work.get(b).orElseThrow().state() == CaseState.CLOSED);
            assertThat(work.get(a).orElseThrow().rating()).isEqualTo("SATISFIED");
            assertThat(work.get(b).orElseThrow().rating()).isEqualTo("BASICALLY_SATISFIED");

            int wangBefore = chats.count(wang);
            zhaoBefore = chats.count(zhao);
            SentMessage ask = chats.awaitButton(sun, 0, "不满意");
            chats.press(sun, null, ask, "不满意");
            Awaitility.await().until(() -> work.get(a).orElseThrow().state() == CaseState.REOPENED);
            chats.awaitText(zhao, null, zhaoBefore, "已重新办理");
            chats.awaitText(wang, null, wangBefore, a);
            CaseRecord cAfter = work.get(c).orElseThrow();
            assertThat(cAfter.state()).isEqualTo(CaseState.MERGED);
            assertThat(cAfter.rating()).isEqualTo("UNSATISFIED");
            assertThat(work.get(b).orElseThrow().state()).isEqualTo(CaseState.MERGED);
            assertThat(closed(threadB)).isTrue();
        }
    }

    @Test
    void anUnmergeReopensTheTopicOfTheCaseTakenOut() {
        try (TestHotline app = startHotline()) {
            FakeChat wang = telegram.privateChat(6011, "王老板", "zh-hans");
            FakeChat zhao = telegram.privateChat(6012, "赵会计", "zh-hans");
            String a = complain(wang, INVOICE_A, COMPANY);
            String b = complain(zhao, INVOICE_B, COMPANY);
            CaseMerging merging = app.bean(CaseMerging.class);
            int threadB = chats.topicOf(group, b);
            mergeFromTopic(merging, b, a);
            Awaitility.await().until(() -> closed(threadB));

            int groupBefore = telegram.sentMessages(GROUP).size();
            int zhaoBefore = chats.count(zhao);
            assertThat(merging.unmerge(b, SUPERVISOR).done()).isTrue();
            Awaitility.await().until(() -> !closed(threadB));
            chats.awaitText(group, threadB, groupBefore, "本话题重新开放");
            chats.awaitText(zhao, null, zhaoBefore, "已不再与诉求 " + a);
            // the topic works again: B is claimed from its own card
            chats.press(group, LI, chats.card(group, threadB, b), "接单");
            chats.awaitText(group, threadB, groupBefore, "李工 已接单");
        }
    }

    private boolean closed(int thread) {
        return telegram.topics(GROUP).stream().filter(t -> t.get("message_thread_id").asInt() == thread)
                .findFirst().orElseThrow().get("is_closed").asBoolean();
    }
}
