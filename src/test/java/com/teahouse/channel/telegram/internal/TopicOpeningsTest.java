package com.teahouse.channel.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import redis.clients.jedis.JedisPooled;

/**
 * A case's forum topic is opened once, whatever goes wrong between two instances and Telegram: the chaos suite
 * found a case with two topics, from a 429 storm that met the search for the lost attempt's topic, and from an
 * instance frozen mid-call whose topic was created after the lane's new owner had opened its own.
 */
class TopicOpeningsTest {

    static final long GROUP = -1001234567895L;
    static final String NAME = "T20261202-0042 拖欠账款";

    @TempDir
    Path data;
    EmbeddedRedis server;
    JedisPooled jedis;
    FakeBotApiServer telegram;
    FakeChat forum;
    TopicOpenings openings;
    int handMade;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start(data.resolve("redis"));
        jedis = new JedisPooled(URI.create(server.url()));
        telegram = new FakeBotApiServer().start();
        forum = telegram.forumGroup(GROUP, "热线工作群", FakeUser.human(11, "李工", "zh"));
        handMade = telegram.createTopic(forum, "排班"); // a topic staff made by hand: never touched
        openings = new TopicOpenings(
                new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl()),
                new RedisStore(jedis, "t:"));
    }

    @AfterEach
    void stop() {
        telegram.close();
        jedis.close();
        server.close();
    }

    @Test
    void aLostReplyIsSearchedForAgainAfterA429StormUntilTheOrphanIsGone() throws Exception {
        telegram.holdReplies("createForumTopic", 1);
        CompletableFuture<String> lost = CompletableFuture.supplyAsync(() -> open("case-topic:T1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.topics(GROUP).size() == 2);
        telegram.releaseHeldReplies();
        assertThat(lost).failsWithin(Duration.ofSeconds(20));

        telegram.failNext("sendMessage", 2, 429, 1); // the probes of the search meet a storm
        assertThatThrownBy(() -> openings.open(opening("case-topic:T1"), NAME))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThat(telegram.topics(GROUP)).as("the search did not conclude: the orphan is still there").hasSize(3);
        String thread = retryUntilOpened("case-topic:T1");

        assertThat(telegram.topics(GROUP)).extracting(t -> t.get("message_thread_id").asText())
                .containsExactlyInAnyOrder(Integer.toString(handMade), thread);
        assertThat(openings.open(opening("case-topic:T1"), NAME)).isEqualTo(thread);
        assertThat(telegram.calls("createForumTopic")).hasSize(2);
    }

    @Test
    void anInstanceFrozenMidCallWhoseTopicComesLastDeletesItsOwn() throws Exception {
        telegram.pauseNext("createForumTopic", 1);
        CompletableFuture<String> frozen = CompletableFuture.supplyAsync(() -> open("case-topic:T2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.pausedCalls() == 1);

        String owner = openings.open(opening("case-topic:T2"), NAME); // the lane's new owner opens it again
        telegram.resumePaused();
        String late = frozen.get();

        assertThat(late).isEqualTo(owner);
        assertThat(telegram.topics(GROUP)).extracting(t -> t.get("message_thread_id").asText())
                .containsExactlyInAnyOrder(Integer.toString(handMade), owner);
        assertThat(telegram.calls("createForumTopic")).hasSize(2);
    }

    private String retryUntilOpened(String correlation) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return openings.open(opening(correlation), NAME);
            } catch (TelegramApiRequestException e) {
                assertThat(e.getErrorCode()).isEqualTo(429); // the outbox would wait retry_after and repeat
            }
        }
        throw new AssertionError("the opening never completed");
    }

    private String open(String correlation) {
        try {
            return openings.open(opening(correlation), NAME);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outbound opening(String correlation) {
        return Outbound.openThread(new Address("telegram", Long.toString(GROUP), null), NAME, correlation);
    }
}
