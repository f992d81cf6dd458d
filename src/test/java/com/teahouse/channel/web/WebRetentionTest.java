package com.teahouse.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestHotline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.params.ScanParams;

/**
 * A web chat's personal data expires with the configured periods: the transcript (teahouse.retention.web) and the
 * conversation state behind it (teahouse.retention.messaging). Every key that holds what the user typed has a TTL
 * no longer than its period.
 */
class WebRetentionTest {

    private static final String PLANTED = "13900007777";

    @TempDir
    Path data;

    @Test
    void whatTheUserTypedExpiresWithItsPeriod() throws Exception {
        try (TestHotline app = TestHotline.start(data, Map.of("teahouse.retention.web.transcripts", "2d",
                "teahouse.retention.messaging.conversations", "3d"))) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/chat/session")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var sent = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/chat/send"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"m-1\",\"text\":\"我的电话 " + PLANTED + "\",\"lang\":\"zh\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).isEqualTo(202);
            RedisStore redis = app.bean(RedisStore.class);
            // the bot's answer is in the transcript too: the step is done and its state written
            await().atMost(Duration.ofSeconds(30)).until(() -> holders(redis).stream()
                    .anyMatch(k -> k.contains("conv:web:")));
            List<String> holders = holders(redis);
            String transcript = holders.stream().filter(k -> k.contains("web:transcript:")).findFirst().orElseThrow();
            String conversation = holders.stream().filter(k -> k.contains("conv:web:")).findFirst().orElseThrow();
            assertThat(redis.jedis().ttl(transcript)).isBetween(Duration.ofDays(2).toSeconds() - 600,
                    Duration.ofDays(2).toSeconds());
            assertThat(redis.jedis().ttl(conversation)).isBetween(Duration.ofDays(3).toSeconds() - 600,
                    Duration.ofDays(3).toSeconds());
            for (String key : holders) {
                if (key.contains(":inbox:") || key.contains(":outbox:")) {
                    continue; // trimmed by the sweep, see StreamRetentionTest
                }
                assertThat(redis.jedis().ttl(key)).as(key).isBetween(1L, Duration.ofDays(3).toSeconds());
            }
        }
    }

    /** Keys whose value holds the planted phone number (strings, hashes and streams are what the chat writes). */
    private static List<String> holders(RedisStore redis) {
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().count(500));
            for (String key : page.getResult()) {
                String value = switch (redis.jedis().type(key)) {
                    case "string" -> String.valueOf(redis.jedis().get(key));
                    case "hash" -> redis.jedis().hgetAll(key).toString();
                    case "stream" -> redis.jedis().xrange(key, (redis.clients.jedis.StreamEntryID) null,
                            (redis.clients.jedis.StreamEntryID) null).stream().map(e -> e.getFields().toString())
                            .toList().toString();
                    default -> "";
                };
                if (value.contains(PLANTED)) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return found;
    }
}
