package com.teahouse.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Step;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.RedisProcesses;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * A failover that loses the old master's last step commit while the lane holds later entries (issue 12). Real
 * processes: a master, a replica and three sentinels; one hotline with one lane. The chat's "hold" is decided
 * while "b" and "c" wait in the lane's memory (their delivery reached the replica); the replica is frozen
 * (SIGSTOP) and its link cut, "hold" commits on the master alone, the lane starts "b" and stops in it; the master is killed
 * (SIGKILL) and the replica, thawed, is promoted. On the new master "hold" is pending again, and "b" has already
 * read the old master's state. The lane must not commit "b" first, nor leave "hold" pending: it reads its
 * pending entries again and answers hold, b, c in order (a reply of "hold" sent before the crash may come
 * twice), the chat's count goes on from there, and nothing stays pending.
 */
class FailoverReplayProcessTest {

    private static final String PASSWORD = "replay-test-password";
    private static final String MASTER = "teahouse";
    /** Texts whose step stops in the handler (after its state was read) until the test lets it go on. */
    static final Map<String, CountDownLatch> ENTERED = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();

    @TempDir
    Path data;

    @Test
    void aStepCommitLostInAFailoverIsDoneAgainBeforeTheLaterEntries() throws Exception {
        for (String text : List.of("hold", "b")) {
            ENTERED.put(text, new CountDownLatch(1));
            RELEASE.put(text, new CountDownLatch(1));
        }
        try (RedisProcesses redis = new RedisProcesses(data.resolve("redis"));
                FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            int master = redis.server("master", PASSWORD, null);
            int replica = redis.server("replica", PASSWORD, master);
            List<Integer> sentinels = new ArrayList<>();
            for (String name : List.of("s1", "s2", "s3")) {
                sentinels.add(redis.sentinel(name, MASTER, master, PASSWORD, 2));
            }
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
                    return s.sentinelReplicas(MASTER).size() == 1 && s.sentinelSentinels(MASTER).size() == 2;
                }
            });
            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.redis.sentinel.master", MASTER);
            props.put("teahouse.redis.sentinel.nodes", "127.0.0.1:" + sentinels.get(0) + ",127.0.0.1:"
                    + sentinels.get(1) + ",127.0.0.1:" + sentinels.get(2));
            props.put("teahouse.redis.sentinel.password", PASSWORD);
            props.put("teahouse.messaging.shards", "1");
            props.put("teahouse.messaging.lease-ttl", "30s"); // the lane stays this instance's across the failover
            try (TestHotline app = TestHotline.start(data.resolve("app"), props, HoldingEcho.Config.class)) {
                String inbox = app.bean(MessagingKeys.class).inbox(0);
                FakeChat alice = telegram.privateChat(7779001, "Alice", "en");
                telegram.userSends(alice, "a1");
                telegram.awaitSent(alice.id(), 1, Duration.ofSeconds(60));

                telegram.userSends(alice, "hold");
                await().atMost(Duration.ofSeconds(60)).until(() -> ENTERED.get("hold").getCount() == 0);
                telegram.userSends(alice, "b");
                telegram.userSends(alice, "c");
                // hold, b and c delivered to the lane, and the replica has that
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pending(replica, inbox) == 3);

                // the replica frozen and its link cut: what the master writes from now on, it alone has
                redis.freeze("replica");
                try (Jedis m = RedisProcesses.client(master, PASSWORD)) {
                    m.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "replica");
                }
                RELEASE.get("hold").countDown(); // commits on the master alone
                await().atMost(Duration.ofSeconds(60)).until(() -> ENTERED.get("b").getCount() == 0);
                redis.kill("master");
                redis.thaw("replica");
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
                        return s.sentinelGetMasterAddrByName(MASTER).get(1).equals(Integer.toString(replica));
                    }
                });
                RedisStore client = app.bean(RedisStore.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> client.currentMaster().getPort() == replica);
                assertThat(pending(replica, inbox)).as("hold, b and c pending on the new master").isEqualTo(3);
                RELEASE.get("b").countDown(); // b read the old master's state; its commit goes to the new one

                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pending(replica, inbox) == 0);
                redis.restart("master", master, PASSWORD); // follows the new master: inbox writes need a replica
                telegram.userSends(alice, "d");
                await().atMost(Duration.ofSeconds(120)).until(() -> texts(telegram, alice).contains("echo 5: d"));
                assertThat(texts(telegram, alice)).containsExactly("echo 1: a1", "echo 2: hold", "echo 3: b",
                        "echo 4: c", "echo 5: d");
            }
        }
    }

    private static long pending(int port, String stream) {
        try (Jedis jedis = RedisProcesses.client(port, PASSWORD)) {
            return jedis.xpending(stream, MessagingKeys.GROUP).getTotal();
        }
    }

    /** The replies in order, a reply sent again right after itself counted once (sent before and after the crash). */
    private static List<String> texts(FakeBotApiServer telegram, FakeChat chat) {
        List<String> texts = new ArrayList<>();
        for (SentMessage sent : telegram.sentMessages(chat.id())) {
            if (texts.isEmpty() || !texts.get(texts.size() - 1).equals(sent.text())) {
                texts.add(sent.text());
            }
        }
        return texts;
    }

    /** The echo conversation, stopping the first step of a text listed in {@link #RELEASE} until released. */
    static final class HoldingEcho implements MessageHandler {
        private final EchoHandler echo = new EchoHandler();

        /** A source for TestHotline, not found by component scanning. */
        static class Config {
            @Bean
            @Order(-100)
            HoldingEcho holdingEcho() {
                return new HoldingEcho();
            }
        }

        @Override
        public boolean accepts(Address from) {
            return echo.accepts(from);
        }

        @Override
        public Step handle(Inbound message, String state) {
            CountDownLatch entered = ENTERED.get(String.valueOf(message.text()));
            if (entered != null && entered.getCount() > 0) {
                entered.countDown();
                try {
                    RELEASE.get(message.text()).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return echo.handle(message, state);
        }

        @Override
        public Step failed(Inbound message, String state, RuntimeException error) {
            return echo.failed(message, state, error);
        }
    }
}
