package com.teahouse.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.RecordedCall;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.messaging.RichText;
import com.teahouse.messaging.internal.ShardLeases;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Telegram's overall limit binds the bot, not an instance: three instances on one Redis, each sending its share of
 * replies, together stay within it. The limit is set low (2 a second, a burst of 2) so the test is short; each
 * instance alone could send 2 a second, three together would reach 6 if they counted apart.
 */
class SharedSendLimitsTest {

    private static final int PER_SECOND = 2;
    private static final int MESSAGES = 30;

    @TempDir
    Path data;

    @Test
    void threeInstancesTogetherStayWithinTheOverallLimit() throws Exception {
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        try (FakeBotApiServer telegram = new FakeBotApiServer().start();
                EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"))) {
            Map<String, String> props = Map.of(
                    "teahouse.telegram.token", telegram.token(),
                    "teahouse.telegram.api-url", telegram.baseUrl(),
                    "teahouse.telegram.poll-timeout-seconds", "1",
                    "teahouse.messaging.lease-ttl", "3s",
                    "teahouse.telegram.send-limits.overall.capacity", Integer.toString(PER_SECOND),
                    "teahouse.telegram.send-limits.overall.refill", Integer.toString(PER_SECOND),
                    "teahouse.telegram.send-limits.overall.period", "1s");
            for (int i = 0; i < 3; i++) {
                apps.add(TestApps.start(data.resolve("app" + i), redis.url(), null, props));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> apps.stream()
                    .allMatch(app -> !app.getBean(ShardLeases.class).owned().isEmpty()));
            List<Long> chats = IntStream.range(0, MESSAGES).mapToObj(i -> 7_790_000L + i).toList();
            chats.forEach(chat -> telegram.privateChat(chat, "U" + chat, "en"));
            for (int i = 0; i < MESSAGES; i++) {
                // posted by different instances; each reply is sent by whichever instance owns its chat's lane
                apps.get(i % 3).getBean(Outbox.class).post(List.of(Outbound.send(
                        Address.of(TelegramChannel.NAME, Long.toString(chats.get(i))), RichText.plain("n" + i))));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> telegram.calls("sendMessage").size() >= MESSAGES);

            List<Instant> sends = telegram.calls("sendMessage").stream().map(RecordedCall::at).sorted().toList();
            assertThat(sends).hasSize(MESSAGES);
            int busiestSecond = busiest(sends, Duration.ofSeconds(1));
            int busiestThree = busiest(sends, Duration.ofSeconds(3));
            long spanMillis = Duration.between(sends.get(0), sends.get(sends.size() - 1)).toMillis();
            System.out.printf("shared send limit: %d sends in %d ms by 3 instances; busiest 1 s window %d, busiest "
                    + "3 s window %d (limit %d/s, burst %d)%n", MESSAGES, spanMillis, busiestSecond, busiestThree,
                    PER_SECOND, PER_SECOND);
            // Drawn from one bucket, the burst of 2 goes at once and the other 28 take 14 s at 2 a second; counted
            // apart, three instances would send them all in about 4 s. The fake stamps a call when it answers it,
            // so on a loaded machine a send may land several hundred ms late: the bounds allow a second's worth.
            long floorMillis = 1000L * (MESSAGES - PER_SECOND) / PER_SECOND;
            assertThat(spanMillis).as("time from first to last send").isGreaterThanOrEqualTo(floorMillis - 1000);
            // In any three seconds: a full bucket plus three seconds of refill (8), where three buckets would allow 24.
            assertThat(busiestThree).as("most sends in any three-second window")
                    .isLessThanOrEqualTo(PER_SECOND + 3 * PER_SECOND + PER_SECOND);
            assertThat(telegram.rejectedCalls()).isEmpty();
        } finally {
            apps.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** The most sends in any window [t, t + width) that starts at a send. */
    static int busiest(List<Instant> sorted, Duration width) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).plus(width);
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
