package com.teahouse.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.RecordedCall;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.channel.telegram.internal.WebhookMisconfiguredAnalyzer;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.TestHotline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode end to end: the fake Bot API pushes updates to POST /telegram/webhook with the secret. */
class TelegramWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "s3cret_webhook-Token";

    @TempDir
    Path data;

    private FakeBotApiServer telegram;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startTelegram() {
        telegram = new FakeBotApiServer().start();
    }

    @AfterEach
    void stopTelegram() {
        telegram.close();
    }

    private TestHotline hotline(int port, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
        props.put("server.port", Integer.toString(port));
        props.put("teahouse.telegram.webhook.url", "http://127.0.0.1:" + port + "/telegram/webhook");
        props.put("teahouse.telegram.webhook.secret", SECRET);
        props.putAll(extra);
        return TestHotline.start(data.resolve("app"), props, EchoHandler.Config.class);
    }

    @Test
    void updatesArriveByWebhookAndRedeliveriesTakeEffectOnce() {
        try (TestHotline app = hotline(freePort(), Map.of())) {
            RecordedCall set = telegram.awaitCall("setWebhook", WAIT);
            assertThat(set.params().path("url").asText()).isEqualTo("http://127.0.0.1:" + app.port() + "/telegram/webhook");
            assertThat(set.params().path("secret_token").asText()).isEqualTo(SECRET);
            assertThat(set.params().path("allowed_updates").toString())
                    .contains("message", "edited_message", "callback_query");
            assertThat(telegram.webhookInfo().path("url").asText()).endsWith("/telegram/webhook");

            FakeChat alice = telegram.privateChat(7771001, "Alice", "en");
            int first = telegram.userSends(alice, "hello").updateId();
            assertThat(telegram.awaitSent(alice.id(), 1, WAIT).get(0).text()).isEqualTo("echo 1: hello");
            await().atMost(WAIT).until(() -> telegram.pendingUpdates() == 0); // the fake has taken the 200 in
            telegram.redeliver(first);
            telegram.userSends(alice, "again");
            // the redelivered update was answered 200 and changed nothing: the next one is the chat's second
            assertThat(telegram.awaitSent(alice.id(), 2, WAIT)).extracting(SentMessage::text)
                    .containsExactly("echo 1: hello", "echo 2: again");
            assertThat(telegram.webhookPushes()).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
            assertThat(telegram.webhookPushes()).filteredOn(p -> p.updateId() == first).hasSize(2);
            assertThat(telegram.calls("getUpdates")).isEmpty();
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }

    @Test
    void badCallsAreRefusedAndChangeNothing() throws Exception {
        try (TestHotline app = hotline(freePort(), Map.of("teahouse.telegram.webhook.max-body-bytes", "4096"))) {
            telegram.awaitCall("setWebhook", WAIT);
            String url = app.baseUrl() + "/telegram/webhook";
            String update = "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1700000000,"
                    + "\"chat\":{\"id\":7772002,\"type\":\"private\"},\"from\":{\"id\":7772002,\"is_bot\":false,"
                    + "\"first_name\":\"Bob\"},\"text\":\"forged\"}}";
            assertThat(post(url, "application/json", null, update)).isEqualTo(401);
            assertThat(post(url, "application/json", "wrong", update)).isEqualTo(401);
            assertThat(post(url, "application/json", SECRET.substring(1), update)).isEqualTo(401);
            assertThat(post(url, "text/plain", SECRET, update)).isEqualTo(415);
            assertThat(post(url, "application/x-www-form-urlencoded", SECRET, "update_id=5")).isEqualTo(415);
            assertThat(post(url, "application/json", SECRET, "not json")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "[1,2]")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"message\":{}}")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"update_id\":\"x\",\"message\":{}}")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"update_id\":6,\"surprise\":{}}")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"update_id\":7,\"message\":\"text\"}")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"update_id\":8}")).isEqualTo(400);
            assertThat(post(url, "application/json", SECRET, "{\"update_id\":9,\"message\":{\"text\":\""
                    + "x".repeat(5000) + "\"}}")).isEqualTo(413);

            // none of it was stored, and the channel still works: Bob's first real message is his first
            FakeChat bob = telegram.privateChat(7772002, "Bob", "en");
            telegram.userSends(bob, "real");
            assertThat(telegram.awaitSent(bob.id(), 1, WAIT).get(0).text()).isEqualTo("echo 1: real");
        }
    }

    @Test
    void whileRedisIsDownTheAnswerIs503AndTelegramsRetryIsStored() throws Exception {
        Path redisDir = data.resolve("redis");
        EmbeddedRedis redis = EmbeddedRedis.start(redisDir);
        int redisPort = redis.port();
        try (TestHotline app = hotline(freePort(), Map.of("teahouse.redis.url", redis.url()))) {
            telegram.awaitCall("setWebhook", WAIT);
            FakeChat carol = telegram.privateChat(7773003, "Carol", "en");
            telegram.userSends(carol, "before");
            telegram.awaitSent(carol.id(), 1, WAIT);
            // the reply's outbox entry acknowledged, so that the outage cannot make it go out twice (at least once)
            MessagingKeys keys = app.bean(MessagingKeys.class);
            EmbeddedRedis first = redis;
            await().atMost(WAIT).until(() -> IntStream.range(0, keys.shards()).allMatch(shard -> {
                try (var jedis = first.connect()) {
                    return !jedis.exists(keys.outbox(shard))
                            || jedis.xpending(keys.outbox(shard), MessagingKeys.GROUP).getTotal() == 0;
                }
            }));

            redis.close();
            int during = telegram.userSends(carol, "during").updateId();
            await().atMost(WAIT).until(() -> telegram.webhookPushes().stream()
                    .anyMatch(p -> p.updateId() == during && p.status() == 503));
            assertThat(telegram.webhookInfo().path("last_error_message").asText()).contains("503");

            redis = EmbeddedRedis.start(redisDir, redisPort);
            assertThat(telegram.awaitSent(carol.id(), 2, Duration.ofSeconds(60))).extracting(SentMessage::text)
                    .containsExactly("echo 1: before", "echo 2: during");
            await().atMost(WAIT).until(() -> telegram.pendingUpdates() == 0);
        } finally {
            redis.close();
        }
    }

    @Test
    void aSecretTelegramWouldRefuseStopsStartUpSayingWhyWithoutShowingIt() {
        for (String bad : new String[] {"has spaces in it", "x".repeat(257), "ünïcode"}) {
            assertThatThrownBy(() -> hotline(freePort(), Map.of("teahouse.telegram.webhook.secret", bad)).close())
                    .satisfies(e -> {
                        String analysis = new WebhookMisconfiguredAnalyzer().analyze(e).getDescription();
                        assertThat(analysis).startsWith("Telegram webhook mode cannot start: "
                                + "teahouse.telegram.webhook.secret").doesNotContain(bad);
                    });
        }
        assertThatThrownBy(() -> hotline(freePort(), Map.of("teahouse.telegram.webhook.url",
                "http://hotline.example.org/telegram/webhook")).close())
                .hasRootCauseMessage("teahouse.telegram.webhook.url must be an absolute https URL (Telegram calls "
                        + "only https), e.g. https://hotline.example.gov.cn/telegram/webhook");
    }

    private int post(String url, String contentType, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
