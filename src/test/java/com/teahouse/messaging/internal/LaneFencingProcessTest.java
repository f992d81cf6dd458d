package com.teahouse.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Person;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Two app instances as separate processes on one redis-server. Instance A owns the only lane and is frozen with
 * SIGSTOP in the middle of a step (decided, not committed); B takes the lane over once A's lease ran out and
 * handles that message and the next ones; then A is resumed with SIGCONT and tries to commit what it decided.
 * The lane's fencing token refuses it: every message got exactly one reply, in order, and the chat's state counts
 * each message once.
 */
class LaneFencingProcessTest {

    private static final String CHAT = "777001";

    @TempDir
    Path data;

    @Test
    void aFrozenInstanceCannotCommitAfterTheLaneMoved() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"));
             JedisPooled jedis = new JedisPooled(java.net.URI.create(redis.url()))) {
            RedisStore store = new RedisStore(jedis, "teahouse:");
            MessagingProperties props = new MessagingProperties(1, 1, Duration.ofSeconds(2), 1, 50, null);
            MessagingKeys keys = new MessagingKeys(store, props);
            StreamWrites writes = new StreamWrites(keys, new JsonCodec());
            Process a = start("a", redis.url());
            Process b = null;
            try {
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.exists(keys.lease(0)));
                b = start("b", redis.url());
                // both instances up (each lists itself in the instances set once its lanes' ticker runs)
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.zcard(keys.instances()) == 2);
                say(store, writes, 1, "m1");
                say(store, writes, 2, "m2");
                awaitReplies(jedis, 2);
                say(store, writes, 3, "hold");
                await().atMost(Duration.ofMinutes(2)).until(() -> jedis.exists(FencedInstance.HOLDING));
                assertThat(jedis.get(FencedInstance.HOLDING)).isEqualTo(Long.toString(a.pid()));
                signal("STOP", a);
                long frozenToken = Long.parseLong(jedis.get(keys.fence(0)));
                // B takes the lane once A's lease ran out, and handles the held message itself
                await().atMost(Duration.ofMinutes(2)).until(() -> delivered(jedis).size() >= 3);
                assertThat(Long.parseLong(jedis.get(keys.fence(0)))).isGreaterThan(frozenToken);
                say(store, writes, 4, "m4");
                say(store, writes, 5, "m5");
                awaitReplies(jedis, 5);
                jedis.set(FencedInstance.RESUME, "1");
                signal("CONT", a);
                Path logA = data.resolve("a.log");
                await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(logA)
                        .contains("lane 0 moved to another instance"));
                say(store, writes, 6, "m6");
                awaitReplies(jedis, 6);
                assertThat(a.isAlive()).as("the fenced instance keeps running").isTrue();
                assertThat(delivered(jedis)).containsExactly("echo 1: m1", "echo 2: m2", "echo 3: hold",
                        "echo 4: m4", "echo 5: m5", "echo 6: m6");
                assertThat(jedis.get(keys.conversation(Address.of("kit", CHAT)))).isEqualTo("6");
                assertThat(jedis.xpending(keys.inbox(0), MessagingKeys.GROUP).getTotal()).isZero();
            } catch (AssertionError | RuntimeException e) {
                System.out.println("---- redis: " + jedis.keys("*") + " inbox " + jedis.xlen(keys.inbox(0))
                        + " delivered " + delivered(jedis));
                for (String name : List.of("a", "b")) {
                    Path log = data.resolve(name + ".log");
                    if (Files.exists(log)) {
                        System.out.println("---- instance " + name + " ----\n" + Files.readString(log));
                    }
                }
                throw e;
            } finally {
                signal("CONT", a);
                stop(a);
                if (b != null) {
                    stop(b);
                }
            }
        }
    }

    private static void say(RedisStore store, StreamWrites writes, int n, String text) {
        Inbound message = Inbound.text(CHAT + "-" + n, Address.of("kit", CHAT), new Person(CHAT, null, "en"), text);
        try (var pipeline = store.jedis().pipelined()) {
            var admitted = writes.admitInbound(pipeline, message, 50);
            pipeline.sync();
            assertThat(admitted.get()).isEqualTo(1L);
        }
    }

    private static List<String> delivered(JedisPooled jedis) {
        List<String> texts = new ArrayList<>();
        for (StreamEntry e : jedis.xrange(FencedInstance.DELIVERED, "-", "+")) {
            if (CHAT.equals(e.getFields().get("chat"))) {
                texts.add(e.getFields().get("text"));
            }
        }
        return texts;
    }

    private static void awaitReplies(JedisPooled jedis, int count) {
        await().atMost(Duration.ofMinutes(2)).until(() -> delivered(jedis).size() >= count);
    }

    private Process start(String name, String redisUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                FencedInstance.class.getName(), data.resolve(name).toString(), redisUrl)
                .redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile()).start();
    }

    private static void signal(String signal, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
