package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestHotline;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis goes away and comes back: users get a clear answer meanwhile, the app survives, nothing is lost. */
class RedisOutageTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(TestHotline app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(TestHotline app, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/chat/send"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void outageGetsAClearAnswerAndTheHotlineRecovers() throws Exception {
        Path redisDir = data.resolve("redis");
        EmbeddedRedis redis = EmbeddedRedis.start(redisDir);
        int port = redis.port();
        try (TestHotline app = TestHotline.start(data.resolve("app"), Map.of("teahouse.redis.url", redis.url()))) {
            get(app, "/api/chat/session?lang=en");
            assertThat(send(app, "{\"id\":\"m1\",\"text\":\"/start\",\"lang\":\"en\"}").statusCode()).isEqualTo(202);

            redis.close();
            HttpResponse<String> during = send(app, "{\"id\":\"m2\",\"text\":\"hello?\",\"lang\":\"en\"}");
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.body()).contains("busy");
            assertThat(get(app, "/actuator/health").body()).contains("DOWN");

            redis = EmbeddedRedis.start(redisDir, port);
            long end = System.currentTimeMillis() + 20_000;
            int status = 0;
            while (System.currentTimeMillis() < end && status != 202) {
                status = send(app, "{\"id\":\"m2\",\"text\":\"hello?\",\"lang\":\"en\"}").statusCode();
                Thread.sleep(200);
            }
            assertThat(status).isEqualTo(202);
            RedisStore store = app.bean(RedisStore.class);
            String marker = store.key("update:web:" + sessionOf(app) + ":m2");
            end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end && !store.jedis().exists(marker)) {
                Thread.sleep(100);
            }
            assertThat(store.jedis().exists(marker)).as("the message sent after the outage was handled").isTrue();
            assertThat(store.jedis().exists(store.key("update:web:" + sessionOf(app) + ":m1")))
                    .as("the message sent before the outage was handled").isTrue();
            end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end && !get(app, "/actuator/health").body().contains("\"UP\"")) {
                Thread.sleep(200);
            }
            assertThat(get(app, "/actuator/health").body()).startsWith("{\"status\":\"UP\"");
        } finally {
            redis.close();
        }
    }

    @Test
    void hugeAndEmptyMessagesAreRefusedClearly() throws Exception {
        try (TestHotline app = TestHotline.start(data.resolve("app2"), Map.of())) {
            get(app, "/api/chat/session?lang=en");
            HttpResponse<String> huge = send(app, "{\"id\":\"h1\",\"text\":\"" + "x".repeat(5_000) + "\",\"lang\":\"en\"}");
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).contains("too long");
            HttpResponse<String> empty = send(app, "{\"id\":\"h2\",\"text\":\"   \",\"lang\":\"en\"}");
            assertThat(empty.statusCode()).isEqualTo(400);
            HttpResponse<String> malformed = send(app, "{not json");
            assertThat(malformed.statusCode()).isEqualTo(400);
        }
    }

    private String sessionOf(TestHotline app) {
        return http.cookieHandler().map(h -> ((CookieManager) h).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("teahouse_chat")).findFirst().orElseThrow().getValue()).orElseThrow();
    }
}
