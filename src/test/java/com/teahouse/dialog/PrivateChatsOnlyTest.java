package com.teahouse.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseDesk;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entrepreneurs are served in private chats only (F9): in a group the bot was added to, whatever a member sends,
 * the real telegrambots client and UpdateTranslator mark it as a group message and the dialog answers only
 * "please message me privately": no case, no conversation state, no menu. The same person in a private chat is
 * served as usual.
 */
class PrivateChatsOnlyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    @Test
    void aGroupIsAskedToWritePrivatelyAndNothingOpens() {
        FakeUser zhang = FakeUser.human(5005, "张", "zh");
        FakeUser li = FakeUser.human(5006, "李", "zh");
        try (FakeBotApiServer telegram = new FakeBotApiServer().start();
                TestHotline app = TestHotline.start(data, TestHotline.telegram(telegram.baseUrl(), telegram.token()))) {
            FakeChat group = telegram.group(-500, "老板交流群", zhang, li);
            List<String> said = List.of("/start", "/complain", "/human", "我要投诉，工程款拖欠半年了", "/status");
            for (String text : said) {
                telegram.userSends(group, zhang, text);
            }
            telegram.userSends(group, li, "/status");
            List<SentMessage> replies = telegram.awaitSent(group.id(), said.size() + 1, WAIT);
            assertThat(replies).allSatisfy(m -> {
                assertThat(m.text()).contains("请私聊我");
                assertThat(m.replyMarkup()).isNull();
            });
            Address chat = Address.of("telegram", String.valueOf(group.id()));
            assertThat(app.bean(CaseDesk.class).casesOf(chat)).isEmpty();
            assertThat(app.bean(RedisStore.class).jedis().exists(app.bean(MessagingKeys.class).conversation(chat)))
                    .isFalse();

            FakeChat alone = telegram.privateChat(zhang.id(), zhang.firstName(), "zh");
            telegram.userSends(alone, "/start");
            assertThat(telegram.awaitSent(alone.id(), 1, WAIT).get(0).text()).doesNotContain("请私聊我");
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }
}
