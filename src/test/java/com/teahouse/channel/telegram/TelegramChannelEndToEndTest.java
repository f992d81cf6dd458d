package com.teahouse.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.TestHotline;
import com.teahouse.texts.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real telegrambots client against the fake Bot API, through the whole app. */
class TelegramChannelEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private FakeBotApiServer telegram;

    @BeforeEach
    void startTelegram() {
        telegram = new FakeBotApiServer().start();
    }

    @AfterEach
    void stopTelegram() {
        telegram.close();
    }

    private TestHotline hotline() {
        return TestHotline.start(data, TestHotline.telegram(telegram.baseUrl(), telegram.token()),
                EchoHandler.Config.class);
    }

    @Test
    void startIsAnsweredWithGreetingAndMenu() {
        try (TestHotline app = hotline()) {
            FakeChat alice = telegram.privateChat(1001, "Alice", "en");
            telegram.userSends(alice, "/start");
            SentMessage reply = telegram.awaitSent(alice.id(), 1, WAIT).get(0);
            Texts texts = app.bean(Texts.class);
            assertThat(reply.text()).isEqualTo(texts.plain("menu.greeting", "en"));
            assertThat(reply.buttonTexts()).isNotEmpty();
            assertThat(telegram.calls("setMyCommands")).isNotEmpty();
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }

    @Test
    void chineseClientGetsChinese() {
        try (TestHotline app = hotline()) {
            FakeChat li = telegram.privateChat(1002, "李", "zh-hans");
            telegram.userSends(li, "/start");
            SentMessage reply = telegram.awaitSent(li.id(), 1, WAIT).get(0);
            assertThat(reply.text()).isEqualTo(app.bean(Texts.class).plain("menu.greeting", "zh"));
        }
    }

    @Test
    void redeliveredUpdateTakesEffectOnce() {
        FakeChat bob = telegram.privateChat(7771, "Bob", "en");
        int updateId;
        try (TestHotline app = hotline()) {
            updateId = telegram.userSends(bob, "hello").updateId();
            assertThat(telegram.awaitSent(bob.id(), 1, WAIT).get(0).text()).isEqualTo("echo 1: hello");
        }
        // Telegram did not get the confirmation (say we crashed): it delivers the same update to the next session.
        telegram.redeliver(updateId);
        try (TestHotline app = hotline()) {
            telegram.userSends(bob, "again");
            List<SentMessage> sent = telegram.awaitSent(bob.id(), 2, WAIT);
            assertThat(sent).extracting(SentMessage::text).containsExactly("echo 1: hello", "echo 2: again");
            sleepQuietly(1500);
            assertThat(telegram.sentMessages(bob.id())).hasSize(2);
        }
    }

    @Test
    void rateLimitsAndServerErrorsDelayRepliesButLoseNoneAndKeepOrder() {
        try (TestHotline app = hotline()) {
            FakeChat carol = telegram.privateChat(7772, "Carol", "en");
            telegram.failNext("sendMessage", 2, 429, 1);
            telegram.failNext("sendMessage", 2, 502);
            IntStream.rangeClosed(1, 6).forEach(i -> telegram.userSends(carol, "m" + i));
            List<SentMessage> sent = telegram.awaitSent(carol.id(), 6, Duration.ofSeconds(40));
            assertThat(sent).extracting(SentMessage::text)
                    .containsExactly("echo 1: m1", "echo 2: m2", "echo 3: m3", "echo 4: m4", "echo 5: m5", "echo 6: m6");
            assertThat(telegram.injectedFailures()).hasSize(4);
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }

    @Test
    void hostileTextIsEscapedForTelegramHtml() {
        try (TestHotline app = hotline()) {
            FakeChat eve = telegram.privateChat(7773, "Eve", "en");
            String hostile = "<b>bold</b> & <script>alert(1)</script> <a href=\"x\">";
            telegram.userSends(eve, hostile);
            SentMessage reply = telegram.awaitSent(eve.id(), 1, WAIT).get(0);
            assertThat(reply.text()).isEqualTo("echo 1: " + hostile);
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }

    @Test
    void restartKeepsWhatRedisHeld() {
        FakeChat dan = telegram.privateChat(7774, "Dan", "en");
        try (TestHotline app = hotline()) {
            telegram.userSends(dan, "one");
            telegram.awaitSent(dan.id(), 1, WAIT);
            app.bean(RedisStore.class).jedis().set(app.bean(RedisStore.class).key("test:marker"), "kept");
        }
        try (TestHotline app = hotline()) {
            RedisStore store = app.bean(RedisStore.class);
            assertThat(store.jedis().get(store.key("test:marker"))).isEqualTo("kept");
            telegram.userSends(dan, "two");
            assertThat(telegram.awaitSent(dan.id(), 2, WAIT).get(1).text()).isEqualTo("echo 2: two");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
