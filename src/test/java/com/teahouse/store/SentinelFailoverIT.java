package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.store.internal.RedisMisconfigured;
import com.teahouse.store.internal.RedisMisconfiguredAnalyzer;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.RedisProcesses;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Redis behind Sentinel, with real processes: a master, a replica and three sentinels on loopback. The hotline runs
 * a Telegram round trip, the master is failed over (SENTINEL FAILOVER), and the next round trip works on the new
 * master with the conversation's state intact (the echo count goes on from where it was). With no replica
 * following, an update waits rather than being confirmed on the master alone, and is answered once one follows.
 */
class SentinelFailoverIT {

    private static final String PASSWORD = "sentinel-test-password";
    private static final String MASTER = "teahouse";

    @TempDir
    Path data;

    @Test
    void theHotlineKeepsWorkingAcrossAFailover() throws Exception {
        try (RedisProcesses redis = new RedisProcesses(data.resolve("redis"));
                FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            int master = redis.server("master", PASSWORD, null);
            int replica = redis.server("replica", PASSWORD, master);
            List<Integer> sentinels = List.of(redis.sentinel("s1", MASTER, master, PASSWORD, 2),
                    redis.sentinel("s2", MASTER, master, PASSWORD, 2), redis.sentinel("s3", MASTER, master, PASSWORD, 2));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
                    return s.sentinelReplicas(MASTER).size() == 1 && s.sentinelSentinels(MASTER).size() == 2;
                }
            });

            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.redis.sentinel.master", MASTER);
            props.put("teahouse.redis.sentinel.nodes", sentinels.stream().map(p -> "127.0.0.1:" + p)
                    .reduce((a, b) -> a + "," + b).orElseThrow());
            props.put("teahouse.redis.sentinel.password", PASSWORD);
            try (TestHotline app = TestHotline.start(data.resolve("app"), props, EchoHandler.Config.class)) {
                FakeChat alice = telegram.privateChat(7775001, "Alice", "en");
                telegram.userSends(alice, "before");
                telegram.awaitSent(alice.id(), 1, Duration.ofSeconds(60));

                try (Jedis s = RedisProcesses.client(sentinels.get(1), null)) {
                    assertThat(s.sentinelFailover(MASTER)).isEqualTo("OK");
                }
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
                        return s.sentinelGetMasterAddrByName(MASTER).get(1).equals(Integer.toString(replica));
                    }
                });

                telegram.userSends(alice, "after");
                assertThat(telegram.awaitSent(alice.id(), 2, Duration.ofSeconds(90))).extracting(SentMessage::text)
                        .containsExactly("echo 1: before", "echo 2: after");
                try (Jedis newMaster = RedisProcesses.client(replica, PASSWORD)) {
                    assertThat(newMaster.info("replication")).contains("role:master");
                }

                // no replica following: an update is not confirmed on the master's fsync alone (a failover to a
                // replica that never had it would lose it); it waits, and is answered once a replica follows again
                redis.kill("master"); // the old master, a replica since the failover
                telegram.userSends(alice, "while alone");
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                        .until(() -> telegram.sentMessages(alice.id()).size() == 2);
                redis.restart("master", master, PASSWORD);
                assertThat(telegram.awaitSent(alice.id(), 3, Duration.ofSeconds(120))).extracting(SentMessage::text)
                        .containsExactly("echo 1: before", "echo 2: after", "echo 3: while alone");
            }
        }
    }

    @Test
    void aBadSentinelListStopsStartUpSayingWhichEntry() {
        Map<String, String> props = Map.of("teahouse.redis.sentinel.master", MASTER,
                "teahouse.redis.sentinel.nodes", "127.0.0.1:26379, 10.0.0.7");
        assertThatThrownBy(() -> TestHotline.start(data.resolve("bad"), props).close())
                .satisfies(e -> {
                    Throwable cause = e;
                    while (cause != null && !(cause instanceof RedisMisconfigured)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isNotNull();
                    String description = new RedisMisconfiguredAnalyzer().analyze(e).getDescription();
                    assertThat(description).contains("teahouse.redis.sentinel.nodes: entry 2 \"10.0.0.7\" is not host:port");
                });
        assertThatThrownBy(() -> TestHotline.start(data.resolve("bad2"), Map.of("teahouse.redis.sentinel.nodes",
                "127.0.0.1:26379")).close()).hasRootCauseMessage(
                        "teahouse.redis.sentinel.master is not set (the name in the sentinels' \"sentinel monitor <name> ...\")");
        assertThatThrownBy(() -> TestHotline.start(data.resolve("bad3"), Map.of("teahouse.redis.sentinel.master",
                MASTER, "teahouse.redis.sentinel.nodes", "127.0.0.1:99999")).close())
                .hasRootCauseMessage("teahouse.redis.sentinel.nodes: entry 1 \"127.0.0.1:99999\" has port 99999, outside 1-65535");
    }
}
