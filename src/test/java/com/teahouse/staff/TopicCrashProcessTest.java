package com.teahouse.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.HotlineProcesses;
import com.teahouse.testsupport.HotlineProcesses.End;
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
        try (HotlineProcesses hotline = HotlineProcesses.start(data, TopicCrashInstance.class)) {
            JedisPooled jedis = hotline.jedis();
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat owner = telegram.privateChat(4343L, "Zhang", "zh");
            FakeChat forum = telegram.forumGroup(GROUP, "热线工作群", FakeUser.human(11, "李工", "zh"));
            int handMade = telegram.createTopic(forum, "排班"); // a topic staff made by hand: never touched
            telegram.holdReplies("createForumTopic", 1);
            // killed while Telegram's reply is on its way
            String t = hotline.run("first", End.KILL, List.of(Long.toString(GROUP), Long.toString(owner.id())), () -> {
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.exists("test:opened")
                        && telegram.topics(GROUP).size() == 2);
                return jedis.get("test:opened");
            });
            telegram.releaseHeldReplies();
            assertThat(jedis.hget("teahouse:case:" + t, "topicThread")).isNull();
            hotline.run("second", End.STOP, List.of(Long.toString(GROUP)), () -> {
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
            });
        }
    }

    private static List<JsonNode> topicsOf(FakeBotApiServer telegram, String t) {
        return telegram.topics(GROUP).stream().filter(n -> n.get("name").asText().contains(t)).toList();
    }
}
