package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import com.teahouse.testsupport.TestHotline;
import com.teahouse.store.internal.EmbeddedRedisInProduction;
import java.util.Map;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The embedded redis-server: persistence across restarts, no two servers on one data directory, and locked down:
 * a password, no CONFIG/DEBUG/MODULE, a memory cap that refuses writes instead of evicting, never under prod.
 */
class EmbeddedRedisTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = redis.connect()) {
            jedis.xadd("inbox", StreamEntryID.NEW_ENTRY, java.util.Map.of("m", "hello"));
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = redis.connect()) {
            assertThat(jedis.xlen("inbox")).isEqualTo(1);
        }
    }

    @Test
    void aServerOrphanedByAKilledAppIsStoppedBeforeANewOneUsesItsData() {
        EmbeddedRedis orphan = EmbeddedRedis.start(dir); // never closed: as if the JVM had been killed with -9
        try (Jedis jedis = orphan.connect()) {
            jedis.set("written-before-the-crash", "yes");
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = redis.connect()) {
            assertThat(jedis.get("written-before-the-crash")).isEqualTo("yes");
            assertThatThrownBy(() -> {
                try (Jedis old = new Jedis("127.0.0.1", orphan.port(), 500)) {
                    old.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);
        }
    }

    @Test
    void aClientWithoutThePasswordIsRefused() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis anonymous = new Jedis("127.0.0.1", redis.port())) {
            assertThatThrownBy(() -> anonymous.set("staff:account:evil", "x"))
                    .isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
            assertThat(redis.url()).startsWith("redis://:").contains("@127.0.0.1:" + redis.port());
        }
    }

    @Test
    void configDebugAndModuleAreRenamedAway() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = redis.connect()) {
            for (String command : new String[] {"CONFIG", "DEBUG", "MODULE"}) {
                assertThatThrownBy(() -> jedis.sendCommand(() -> SafeEncoder.encode(command),
                        "GET", "dir")).as(command).isInstanceOf(JedisDataException.class)
                        .hasMessageContaining("unknown command");
            }
        }
    }

    @Test
    void aFullServerRefusesWritesWithOomAndEvictsNothing() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, "3mb"); Jedis jedis = redis.connect()) {
            String chunk = "x".repeat(64 * 1024);
            int written = 0;
            JedisDataException refused = null;
            while (refused == null && written < 1000) {
                try {
                    jedis.set("fill:" + written, chunk);
                    written++;
                } catch (JedisDataException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).startsWith("OOM");
            assertThat(jedis.exists("fill:0")).as("nothing evicted").isTrue();
            assertThat(jedis.dbSize()).isEqualTo(written);
        }
    }

    @Test
    void theProdProfileRefusesToStartWithoutAnExternalRedis() {
        assertThatThrownBy(() -> TestHotline.start(dir.resolve("app"), Map.of("spring.profiles.active", "prod")))
                .hasRootCauseInstanceOf(EmbeddedRedisInProduction.class)
                .rootCause().hasMessageContaining("teahouse.redis.url");
    }

    @Test
    void whenRedisIsFullTheWebChatAnswersBusyAndLosesNothingQuietly() throws Exception {
        try (TestHotline app = TestHotline.start(dir.resolve("full"),
                Map.of("teahouse.redis.embedded-max-memory", "4mb", "teahouse.limits.web-session.capacity", "100000",
                        "teahouse.limits.web-session.refill", "100000", "teahouse.limits.web-session.period", "1s",
                        "teahouse.messaging.max-queued-per-chat", "100000"))) {
            var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                    + "/api/chat/session")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var jedis = app.bean(RedisStore.class).jedis();
            // smaller and smaller values until even a tiny one is refused: then Redis is over its cap for real
            int n = 0;
            for (int size : new int[] {64 * 1024, 4096, 256, 16}) {
                try {
                    while (n < 100_000) {
                        jedis.set("filler:" + n++, "x".repeat(size));
                    }
                } catch (JedisDataException full) {
                    assertThat(full.getMessage()).startsWith("OOM");
                }
            }
            // freed buffers leave a little room; the chat's own writes use it up, then it is told "busy"
            java.net.http.HttpResponse<String> answer = null;
            for (int i = 0; i < 2000 && (answer == null || answer.statusCode() == 202); i++) {
                answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                                + "/api/chat/send")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\":\"f" + i
                                + "\",\"text\":\"" + "y".repeat(2000) + "\",\"lang\":\"en\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            }
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("busy");
        }
    }
}
