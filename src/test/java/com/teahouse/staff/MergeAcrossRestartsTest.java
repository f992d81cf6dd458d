package com.teahouse.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestHotline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * 并单 across instances, end to end through the fake Bot API, on one Redis: the merge is made by one hotline
 * instance, which then stops; the staff's words in A's topic and A's resolution are handled by other instances,
 * which know the group only from Redis. The resolution is stored while no instance may deliver case notices (the
 * test holds their lease) and the instance that stored it stops: the merged case has not followed yet. The next
 * instance delivers the stored notice and the group follows: both entrepreneurs are asked to rate, and the merged
 * entrepreneur's 不满意 reopens A, which A's entrepreneur hears.
 */
class MergeAcrossRestartsTest {

    static final long GROUP = -1001234567893L;
    static final FakeUser LI = FakeUser.human(11, "李工", "zh");

    @TempDir
    Path data;

    @Test
    void theGroupAndItsFollowingSurviveARestartAndAnotherInstance() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"));
             JedisPooled jedis = new JedisPooled(URI.create(redis.url()));
             FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            FakeTelegramChats chats = new FakeTelegramChats(telegram);
            FakeChat group = telegram.forumGroup(GROUP, "热线工作群", LI);
            FakeChat wang = telegram.privateChat(6101, "王老板", "zh-hans");
            FakeChat zhao = telegram.privateChat(6102, "赵会计", "zh-hans");
            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.redis.url", redis.url());
            props.put("teahouse.telegram.staff-chat-id", String.valueOf(GROUP));
            props.put("teahouse.telegram.staff-user-ids", String.valueOf(LI.id()));
            props.putAll(TestHotline.unthrottledSends());
            String a;
            String b;
            try (TestHotline first = TestHotline.start(data.resolve("first"), props)) {
                a = chats.complain(wang, "2025年3月我们为城管局完成了道路修缮工程，尾款120万元至今未付，多次催要无果。",
                        "潍坊恒达建筑工程有限公司");
                b = chats.complain(zhao, "城管局拖欠我公司道路修缮工程尾款一百二十万，工程早已验收，财务说没钱一直拖着。",
                        "潍坊恒达建筑工程有限公司");
                chats.card(group, chats.topicOf(group, a), a);
                int zhaoBefore = chats.count(zhao);
                assertThat(first.bean(CaseMerging.class).merge(b, a, new Actor("tg:" + LI.id(), "李工"), true).done())
                        .isTrue();
                chats.awaitText(zhao, null, zhaoBefore, "统一由诉求 " + a);
            }
            int threadA = chats.topicOf(group, a);
            try (TestHotline second = TestHotline.start(data.resolve("second"), props)) {
                // the relay of the staff's words: the group is read from Redis, not from the instance that merged
                chats.press(group, LI, chats.card(group, threadA, a), "接单");
                chats.awaitText(wang, null, 0, "李工");
                int wangBefore = chats.count(wang);
                int zhaoBefore = chats.count(zhao);
                telegram.staffWritesInTopic(group, threadA, LI, "已联系城管局财务科核实");
                chats.awaitText(wang, null, wangBefore, "已联系城管局财务科核实");
                chats.awaitText(zhao, null, zhaoBefore, "已联系城管局财务科核实");
                assertThat(second.bean(CaseMerging.class).group(a)).containsExactly(b);
            }
            // no instance may deliver case notices now: A's resolution is stored, its group's following is not done
            jedis.set("teahouse:lease:case-notices", "the-test", SetParams.setParams().px(Duration.ofMinutes(10)
                    .toMillis()));
            try (TestHotline third = TestHotline.start(data.resolve("third"), props)) {
                CaseWork work = third.bean(CaseWork.class);
                // the holder as the forum recorded it (staff act by account or keyed id, never by Telegram id)
                var held = work.get(a).orElseThrow();
                assertThat(work.resolve(a, new Actor(held.claimedBy(), held.claimedByName()), "城管局已承诺本月底前支付尾款120万元",
                        "resolve-across", false).done()).isTrue();
                assertThat(work.get(a).orElseThrow().state()).isEqualTo(CaseState.REPLIED);
                assertThat(work.get(b).orElseThrow().state()).isEqualTo(CaseState.MERGED);
            }
            jedis.del("teahouse:lease:case-notices");
            try (TestHotline fourth = TestHotline.start(data.resolve("fourth"), props)) {
                CaseWork work = fourth.bean(CaseWork.class);
                for (FakeChat boss : List.of(wang, zhao)) {
                    chats.awaitButton(boss, 0, "不满意");
                    chats.awaitText(boss, null, 0, "本月底前支付尾款");
                }
                await().until(() -> work.get(b).orElseThrow().state() == CaseState.REPLIED);
                int wangBefore = chats.count(wang);
                chats.press(zhao, null, chats.awaitButton(zhao, 0, "不满意"), "不满意");
                await().until(() -> work.get(a).orElseThrow().state() == CaseState.REOPENED);
                await().until(() -> work.get(b).orElseThrow().state() == CaseState.MERGED);
                chats.awaitText(wang, null, wangBefore, a);
                // each entrepreneur was asked once to rate: the stored notice was delivered once
                assertThat(telegram.sentMessages(zhao.id()).stream().filter(m -> m.text() != null
                        && m.text().contains("本月底前支付尾款")).count()).isEqualTo(1);
            }
            assertThat(telegram.rejectedCalls()).as("calls the fake Bot API refused").isEmpty();
        }
    }
}
