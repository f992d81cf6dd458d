package com.teahouse.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.channel.telegram.fake.WebhookPusher;
import com.teahouse.testsupport.RedisProcesses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A hotline started while its Redis is not there yet (the host rebooted, Redis comes up later): it must not exit,
 * must say it is not ready, must make Telegram and the web chat try again, and must do its start-up work once
 * Redis answers, without a restart. A real hotline process in webhook mode, a real redis-server started after it.
 */
class RedisLaterProcessTest {

    private static final String PASSWORD = "redis-later-password";
    private static final String SECRET = "redis-later-secret_01";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void startsNotReadyAndBeginsItsWorkWhenRedisComesUp() throws Exception {
        int redisPort = ChaosCluster.freePort();
        int appPort = ChaosCluster.freePort();
        try (FakeBotApiServer telegram = new FakeBotApiServer().start();
                RedisProcesses redis = new RedisProcesses(dir.resolve("redis"))) {
            AppInstance app = new AppInstance("app", appPort, dir.resolve("app"),
                    Map.of("TEAHOUSE_REDIS_URL", "redis://:" + PASSWORD + "@127.0.0.1:" + redisPort,
                            "TEAHOUSE_TELEGRAM_TOKEN", telegram.token(),
                            "TEAHOUSE_TELEGRAM_WEBHOOK_SECRET", SECRET),
                    List.of("--teahouse.telegram.api-url=" + telegram.baseUrl(),
                            "--teahouse.telegram.webhook.url=http://127.0.0.1:" + appPort + "/telegram/webhook"));
            try {
                app.start();
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                        .until(() -> app.health() != -1 || !app.running());
                assertThat(app.running()).as("still running without Redis:\n%s", app.logTail(40)).isTrue();
                assertThat(app.health()).as("not ready").isEqualTo(503);

                FakeChat alice = telegram.privateChat(7_300_001L, "Alice", "en");
                telegram.userSends(alice, "hello");
                await().atMost(Duration.ofMinutes(2)).until(() -> telegram.webhookPushes().stream()
                        .anyMatch(p -> p.status() == 503));
                assertThat(telegram.webhookPushes()).extracting(WebhookPusher.Push::status).doesNotContain(200);
                HttpResponse<String> web = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + appPort + "/api/chat/send"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"id\":\"m-1\",\"text\":\"hello\",\"lang\":\"en\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(web.statusCode()).isEqualTo(503);
                assertThat(web.body()).contains("\"ok\":false").containsAnyOf("try again", "重试");
                assertThat(app.running()).isTrue();

                redis.server("redis", PASSWORD, null, redisPort);

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(app::up);
                // Telegram's retry of the update is taken now, and answered
                List<SentMessage> replies = telegram.awaitSent(alice.id(), 1, Duration.ofMinutes(2));
                assertThat(replies).isNotEmpty();
                // the start-up work runs in order on its own thread (the digest's seed first), beside the lanes
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(Files.exists(dir.resolve("app/data/first-admin-password")))
                            .as("the first admin was made").isTrue();
                    try (Jedis jedis = RedisProcesses.client(redisPort, PASSWORD)) {
                        assertThat(jedis.get("teahouse:kb:rev")).as("the digest was seeded").isEqualTo("1");
                        assertThat(jedis.exists("teahouse:cases:now:views")).as("the queue views were built")
                                .isTrue();
                    }
                });
                assertThat(app.logTail(400)).doesNotContain("==== start 2 ====");
            } finally {
                app.stop();
            }
        }
    }
}
