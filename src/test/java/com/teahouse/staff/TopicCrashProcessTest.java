package com.teahouse.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * kill -9 after Telegram created a case's forum topic and before the hotline recorded it: the hotline (its own
 * process) opens a case; the fake Bot API creates the topic but holds its reply, and the process is killed with
 * SIGKILL while it waits. Started again, the hotline repeats the opening: afterwards the forum has exactly one topic
 * for the case, it is the one recorded for the case, it is open and it holds the card.
 */
class TopicCrashProcessTest {

    static final long GROUP = -1001234567894L;

    @TempDir
    Path data;

    @Test
    void aKillBetweenTheTopicAndItsRecordLeavesOneTopicWithTheCard() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"));
             JedisPooled jedis = new JedisPooled(java.net.URI.create(redis.url()));
             FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            FakeChat owner = telegram.privateChat(4343L, "Zhang", "zh");
            FakeChat forum = telegram.forumGroup(GROUP, "热线工作群", FakeUser.human(11, "李工", "zh"));
            int handMade = telegram.createTopic(forum, "排班"); // a topic staff made by hand: never touched
            telegram.holdReplies("createForumTopic", 1);
            Process first = start("first", redis.url(), telegram.baseUrl(), Long.toString(owner.id()));
            String t;
            try {
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.exists("test:opened")
                        && telegram.topics(GROUP).size() == 2);
                t = jedis.get("test:opened");
            } catch (AssertionError | RuntimeException e) {
                System.out.println(Files.readString(data.resolve("first.log")));
                throw e;
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL while Telegram's reply is on its way
            }
            telegram.releaseHeldReplies();
            assertThat(jedis.hget("teahouse:case:" + t, "topicThread")).isNull();
            Process second = start("second", redis.url(), telegram.baseUrl(), null);
            try {
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.hget("teahouse:case:" + t, "card") != null);
                int thread = Integer.parseInt(jedis.hget("teahouse:case:" + t, "topicThread"));
                await().atMost(Duration.ofMinutes(1)).until(() -> topicsOf(telegram, t).size() == 1);
                JsonNode topic = topicsOf(telegram, t).get(0);
                assertThat(topic.get("message_thread_id").asInt()).isEqualTo(thread);
                assertThat(topic.get("is_closed").asBoolean()).isFalse();
                List<SentMessage> cards = telegram.sentMessages(GROUP, thread).stream()
                        .filter(m -> m.callbackData().stream().flatMap(List::stream)
                                .anyMatch(d -> Objects.equals(d, "case:claim:" + t))).toList();
                assertThat(cards).hasSize(1);
                assertThat(telegram.message(GROUP, cards.get(0).messageId())).isNotNull();
                assertThat(telegram.topics(GROUP)).extracting(n -> n.get("message_thread_id").asInt())
                        .containsExactlyInAnyOrder(handMade, thread);
                assertThat(telegram.calls("createForumTopic")).hasSize(2);
                assertThat(telegram.rejectedCalls()).as("only probes of ids that are no topic are refused")
                        .allMatch(c -> c.method().equals("sendMessage"));
            } catch (AssertionError | RuntimeException e) {
                System.out.println(Files.readString(data.resolve("second.log")));
                throw e;
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static List<JsonNode> topicsOf(FakeBotApiServer telegram, String t) {
        return telegram.topics(GROUP).stream().filter(n -> n.get("name").asText().contains(t)).toList();
    }

    private Process start(String name, String redisUrl, String apiUrl, String ownerChat) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), TopicCrashInstance.class.getName(),
                data.resolve(name).toString(), redisUrl, apiUrl, Long.toString(GROUP)));
        if (ownerChat != null) {
            command.add(ownerChat);
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile()).start();
    }
}
