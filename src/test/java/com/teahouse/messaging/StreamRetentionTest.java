package com.teahouse.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.store.RetentionSweeper;
import com.teahouse.testsupport.CapturingOutlet;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;

/**
 * Retention on the message path, through real steps on a real redis-server: acknowledged inbox and outbox entries
 * are trimmed once older than their period (by the app's clock), an unacknowledged one never, the streams stay
 * short however many steps run, and dead letters are capped and trimmed.
 */
class StreamRetentionTest {

    @TempDir
    Path data;

    /** The app's clock, moved by the tests; one per test class is enough (each test starts its own app). */
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    /** Chats starting with "888" block in their step until released: their inbox entry stays pending. */
    static volatile CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch entered = new CountDownLatch(1);

    public static class Config {
        @Bean
        @Primary
        Clock retentionTestClock() {
            return CLOCK;
        }

        @Bean
        @Order(-200)
        MessageHandler blockingHandler() {
            return new MessageHandler() {
                @Override
                public boolean accepts(Address from) {
                    return from.chat().startsWith("888");
                }

                @Override
                public Step handle(Inbound message, String state) {
                    entered.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Step.reply(List.of(Outbound.send(message.from(), RichText.plain("released"))));
                }

                @Override
                public Step failed(Inbound message, String state, RuntimeException error) {
                    return Step.reply(List.of());
                }
            };
        }

        /** An outlet whose every delivery fails for good: its replies become dead letters. */
        @Bean
        ChannelOutlet failingOutlet() {
            return new ChannelOutlet() {
                @Override
                public String channel() {
                    return "failing";
                }

                @Override
                public Delivery deliver(Outbound outbound) {
                    return Delivery.failed("refused by the test");
                }
            };
        }
    }

    private TestHotline start(Map<String, String> extra) {
        CLOCK.set(Instant.now());
        return TestHotline.start(data, extra, EchoHandler.Config.class, CapturingOutlet.Config.class,
                Config.class);
    }

    private static Inbound say(String chat, String id, String text) {
        return Inbound.text(id, Address.of(CapturingOutlet.CHANNEL, chat), new Person(chat, null, "en"), text);
    }

    @Test
    void acknowledgedEntriesGoAfterTheirPeriodPendingOnesNever() {
        try (TestHotline app = start(Map.of("teahouse.retention.sweep-interval", "1h"))) {
            Inbox inbox = app.bean(Inbox.class);
            CapturingOutlet out = app.bean(CapturingOutlet.class);
            MessagingKeys keys = app.bean(MessagingKeys.class);
            RedisStore redis = app.bean(RedisStore.class);
            RetentionSweeper sweeper = app.bean(RetentionSweeper.class);
            Address blocked = Address.of(CapturingOutlet.CHANNEL, "8881");
            int lane = keys.shardOf(blocked);
            String neighbour = IntStream.range(0, 1000).mapToObj(i -> "777" + i)
                    .filter(c -> keys.shardOf(Address.of(CapturingOutlet.CHANNEL, c)) == lane).findFirst().orElseThrow();

            // acknowledged before the pending entry, on the same lane and on others
            for (int i = 1; i <= 3; i++) {
                inbox.accept(List.of(say(neighbour, "n-" + i, "before " + i), say("7770000", "o-" + i, "other " + i)));
            }
            out.awaitCount(neighbour, 3, Duration.ofSeconds(30));
            out.awaitCount("7770000", 3, Duration.ofSeconds(30));
            // one step that never finishes (yet), and one reply that cannot be delivered (no outlet for it)
            inbox.accept(List.of(say("8881", "blocked-1", "wait")));
            await().atMost(Duration.ofSeconds(30)).until(() -> entered.getCount() == 0);
            app.bean(Outbox.class).post(List.of(Outbound.send(Address.of("nowhere", "1"), RichText.plain("x"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(redis, keys.outbox(keys.shardOf(
                    Address.of("nowhere", "1")))) == 1);
            // behind it on its lane: read, but waiting its turn (one step at a time per lane), so pending too
            inbox.accept(List.of(say(neighbour, "n-4", "after")));
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(redis, keys.inbox(lane)) == 2);

            String pendingInbox = redis.jedis().xpending(keys.inbox(lane), MessagingKeys.GROUP).getMinId().toString();
            long laneBefore = redis.jedis().xlen(keys.inbox(lane));
            long otherBefore = redis.jedis().xlen(keys.inbox(keys.shardOf(Address.of("kit", "7770000"))));
            assertThat(laneBefore).isEqualTo(5);

            // a conversation state stored before expiry existed gets its period from the sweep
            String legacy = keys.conversation(Address.of(CapturingOutlet.CHANNEL, "legacy"));
            redis.jedis().set(legacy, "1");
            sweeper.sweepOnce();
            assertThat(redis.jedis().xlen(keys.inbox(lane))).as("nothing is old enough yet").isEqualTo(laneBefore);
            assertThat(redis.jedis().ttl(legacy)).isBetween(Duration.ofDays(30).toSeconds() - 600,
                    Duration.ofDays(30).toSeconds());
            assertThat(redis.jedis().ttl(keys.conversation(Address.of(CapturingOutlet.CHANNEL, neighbour))))
                    .as("set by the step itself").isPositive();

            CLOCK.advance(Duration.ofDays(7).plusHours(1));
            sweeper.sweepOnce();
            List<String> left = ids(redis, keys.inbox(lane));
            assertThat(left).as("the pending entries stay").hasSize(2).startsWith(pendingInbox);
            assertThat(pending(redis, keys.inbox(lane))).isEqualTo(2);
            if (keys.shardOf(Address.of("kit", "7770000")) != lane) {
                assertThat(otherBefore).isPositive();
                assertThat(redis.jedis().xlen(keys.inbox(keys.shardOf(Address.of("kit", "7770000"))))).isZero();
            }
            String undeliverable = keys.outbox(keys.shardOf(Address.of("nowhere", "1")));
            assertThat(pending(redis, undeliverable)).isEqualTo(1);
            String pendingReply = redis.jedis().xpending(undeliverable, MessagingKeys.GROUP).getMinId().toString();
            assertThat(ids(redis, undeliverable)).contains(pendingReply);

            release.countDown();
            out.awaitCount("8881", 1, Duration.ofSeconds(30));
            assertThat(out.awaitCount(neighbour, 4, Duration.ofSeconds(30))).hasSize(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(redis, keys.inbox(lane)) == 0);
            sweeper.sweepOnce();
            assertThat(redis.jedis().xlen(keys.inbox(lane))).as("all acknowledged now").isZero();
            assertThat(ids(redis, undeliverable)).contains(pendingReply);
        }
    }

    @Test
    void tenThousandStepsLeaveTheStreamsShort() {
        try (TestHotline app = start(Map.of("teahouse.retention.sweep-interval", "1h"))) {
            Inbox inbox = app.bean(Inbox.class);
            CapturingOutlet out = app.bean(CapturingOutlet.class);
            MessagingKeys keys = app.bean(MessagingKeys.class);
            RedisStore redis = app.bean(RedisStore.class);
            RetentionSweeper sweeper = app.bean(RetentionSweeper.class);
            // every entry written from now on is already past its 7 days by the app's clock
            CLOCK.advance(Duration.ofDays(8));
            int chats = 100;
            int rounds = 100;
            List<String> lines = new ArrayList<>();
            long mostBefore = 0;
            long mostAfter = 0;
            for (int round = 1; round <= rounds; round++) {
                List<Inbound> batch = new ArrayList<>();
                for (int c = 0; c < chats; c++) {
                    batch.add(say("777" + c, "s-" + c + "-" + round, "step " + round));
                }
                inbox.accept(batch);
                if (round % 10 == 0) {
                    int expected = round;
                    for (int c = 0; c < chats; c++) {
                        out.awaitCount("777" + c, expected, Duration.ofSeconds(60));
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> allAcknowledged(redis, keys));
                    long before = total(redis, keys);
                    sweeper.sweepOnce();
                    long after = total(redis, keys);
                    mostBefore = Math.max(mostBefore, before);
                    mostAfter = Math.max(mostAfter, after);
                    lines.add("after " + round * chats + " steps: inbox+outbox entries " + before + " -> " + after);
                }
            }
            for (int c = 0; c < chats; c++) {
                assertThat(out.sentTo("777" + c)).hasSize(rounds);
            }
            lines.forEach(System.out::println);
            System.out.printf("10,000 steps: at most %d entries in all %d inbox and outbox streams before a sweep, "
                    + "%d after (without trimming: %d)%n", mostBefore, keys.shards() * 2, mostAfter,
                    2L * chats * rounds);
            assertThat(mostBefore).as("one sweep per 1,000 steps: about 2,000 entries between sweeps")
                    .isLessThanOrEqualTo(2L * chats * 10);
            assertThat(mostAfter).isZero();
        }
    }

    @Test
    void deadLettersAreCappedAndTrimmedByAgeByTheScheduledSweepHoldingTheLease() {
        try (TestHotline app = start(Map.of("teahouse.retention.sweep-interval", "1s",
                "teahouse.retention.messaging.dead-letters-max", "100"))) {
            MessagingKeys keys = app.bean(MessagingKeys.class);
            RedisStore redis = app.bean(RedisStore.class);
            RetentionSweeper sweeper = app.bean(RetentionSweeper.class);
            List<Outbound> doomed = IntStream.range(0, 600)
                    .mapToObj(i -> Outbound.send(Address.of("failing", "c" + (i % 7)), RichText.plain("d" + i)))
                    .toList();
            app.bean(Outbox.class).post(doomed);
            await().atMost(Duration.ofSeconds(60)).until(() -> allAcknowledged(redis, keys));
            long capped = redis.jedis().xlen(keys.deadLetters());
            System.out.println("dead letters after 600 failures with a cap of 100: " + capped);
            assertThat(capped).isBetween(100L, 300L); // approximate trimming keeps whole stream nodes
            await().atMost(Duration.ofSeconds(30)).until(() -> !sweeper.sweepOnce().isEmpty());
            assertThat(redis.jedis().xlen(keys.deadLetters())).as("younger than 30 days").isEqualTo(capped);

            // another instance holds the lease: this one does not sweep, neither on demand nor on schedule
            String lease = redis.key("lease:retention");
            await().atMost(Duration.ofSeconds(30)).until(() -> "OK".equals(redis.jedis().set(lease, "other",
                    SetParams.setParams().nx().px(60_000))));
            CLOCK.advance(Duration.ofDays(31));
            assertThat(sweeper.sweepOnce()).isEmpty();
            assertThat(redis.jedis().xlen(keys.deadLetters())).isEqualTo(capped);
            redis.jedis().del(lease);
            await().atMost(Duration.ofSeconds(30)).until(() -> redis.jedis().xlen(keys.deadLetters()) == 0);
        }
    }

    private static long pending(RedisStore redis, String stream) {
        return redis.jedis().xpending(stream, MessagingKeys.GROUP).getTotal();
    }

    private static List<String> ids(RedisStore redis, String stream) {
        return redis.jedis().xrange(stream, (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(e -> e.getID().toString()).toList();
    }

    private static long total(RedisStore redis, MessagingKeys keys) {
        long sum = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            sum += redis.jedis().xlen(keys.inbox(shard)) + redis.jedis().xlen(keys.outbox(shard));
        }
        return sum;
    }

    /** Every lane's inbox and outbox read and acknowledged. */
    private static boolean allAcknowledged(RedisStore redis, MessagingKeys keys) {
        for (int shard = 0; shard < keys.shards(); shard++) {
            for (String stream : List.of(keys.inbox(shard), keys.outbox(shard))) {
                if (!redis.jedis().exists(stream)) {
                    continue;
                }
                var last = redis.jedis().xinfoStream(stream).getLastGeneratedId();
                var groups = redis.jedis().xinfoGroups(stream);
                if (groups.isEmpty() || groups.get(0).getPending() > 0
                        || !groups.get(0).getLastDeliveredId().equals(last)) {
                    return false;
                }
            }
        }
        return true;
    }
}
