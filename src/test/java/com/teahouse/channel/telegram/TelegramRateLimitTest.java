package com.teahouse.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.TestHotline;
import com.teahouse.texts.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Telegram user over the rate limit: the excess never reaches a lane, and the chat is told "slow down" once. */
class TelegramRateLimitTest {

    @TempDir
    Path data;

    @Test
    void aFloodingUserIsToldToSlowDownOnceAndTheExcessIsDropped() {
        try (FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.limits.telegram-user.capacity", "5");
            props.put("teahouse.limits.telegram-user.refill", "1");
            props.put("teahouse.limits.telegram-user.period", "1h");
            FakeChat flooder = telegram.privateChat(7779, "Flood", "en");
            int last = 0;
            for (int i = 1; i <= 30; i++) {
                last = telegram.userSends(flooder, "m" + i).updateId();
            }
            int lastUpdate = last;
            try (TestHotline app = TestHotline.start(data, props, EchoHandler.Config.class)) {
                // every update confirmed: the poller has taken (or dropped) all 30
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.calls("getUpdates").stream()
                        .anyMatch(c -> c.params().path("offset").asInt() > lastUpdate));
                List<SentMessage> sent = telegram.awaitSent(flooder.id(), 6, Duration.ofSeconds(60));
                String slowDown = app.bean(Texts.class).plain("limits.slowDown", "en");
                assertThat(sent).extracting(SentMessage::text).filteredOn(slowDown::equals).hasSize(1);
                assertThat(sent).extracting(SentMessage::text).filteredOn(t -> t.startsWith("echo"))
                        .containsExactly("echo 1: m1", "echo 2: m2", "echo 3: m3", "echo 4: m4", "echo 5: m5");
            }
        }
    }
}
