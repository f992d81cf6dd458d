package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.RedisProcesses;
import com.teahouse.testsupport.TestHotline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A hotline (re)started while no sentinel answers (a supervisor restarting a node during a Sentinel outage) must
 * not exit: it comes up not ready with Redis down, says so once in the log, and once a master and its sentinels
 * are there it answers, the message sent during the outage included. Real redis-server and sentinel processes,
 * started after the hotline on the ports it was told.
 */
@ExtendWith(OutputCaptureExtension.class)
class SentinelLaterIT {

    private static final String PASSWORD = "sentinel-later-password";
    private static final String MASTER = "teahouse";
    private static final String OUTAGE_LINE = "Redis through Sentinel is unreachable";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @Test
    void startsNotReadyWithoutSentinelsAndAnswersOnceTheyAreThere(CapturedOutput output) throws Exception {
        int sentinel1 = RedisProcesses.freePort();
        int sentinel2 = RedisProcesses.freePort();
        try (RedisProcesses redis = new RedisProcesses(data.resolve("redis"));
                FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.redis.sentinel.master", MASTER);
            props.put("teahouse.redis.sentinel.nodes", "127.0.0.1:" + sentinel1 + ",127.0.0.1:" + sentinel2);
            props.put("teahouse.redis.sentinel.password", PASSWORD);
            try (TestHotline app = TestHotline.start(data.resolve("app"), props, EchoHandler.Config.class)) {
                HealthIndicator redisHealth = app.context().getBean("redisHealth", HealthIndicator.class);
                assertThat(redisHealth.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health(app).statusCode()).as("not ready").isEqualTo(503);

                FakeChat alice = telegram.privateChat(7775101, "Alice", "en");
                telegram.userSends(alice, "during");
                await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(OUTAGE_LINE));
                assertThat(telegram.sentMessages(alice.id())).isEmpty();

                int master = redis.server("master", PASSWORD, null);
                redis.server("replica", PASSWORD, master); // the inbox write waits for a replica behind Sentinel
                redis.sentinel("s1", MASTER, master, PASSWORD, 1, 1000, sentinel1);
                redis.sentinel("s2", MASTER, master, PASSWORD, 1, 1000, sentinel2);

                assertThat(telegram.awaitSent(alice.id(), 1, Duration.ofSeconds(40))).extracting(SentMessage::text)
                        .as("the message sent during the outage").containsExactly("echo 1: during");
                telegram.userSends(alice, "after");
                assertThat(telegram.awaitSent(alice.id(), 2, Duration.ofSeconds(30))).extracting(SentMessage::text)
                        .containsExactly("echo 1: during", "echo 2: after");
                await().atMost(Duration.ofSeconds(30)).until(() -> health(app).statusCode() == 200);
                assertThat(redisHealth.health().getStatus()).isEqualTo(Status.UP);
                assertThat(app.bean(RedisStore.class).currentMaster().getPort()).isEqualTo(master);
            }
            String log = output.getOut() + output.getErr();
            assertThat(log.split(OUTAGE_LINE, -1)).as("the outage is logged once, not per call").hasSize(2);
            assertThat(log).contains("A Redis sentinel answers again").doesNotContain(PASSWORD);
        }
    }

    private static HttpResponse<String> health(TestHotline app) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
