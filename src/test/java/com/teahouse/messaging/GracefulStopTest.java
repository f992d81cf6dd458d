package com.teahouse.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.messaging.internal.LaneSupervisor;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.messaging.internal.ShardLeases;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import redis.clients.jedis.Jedis;

/**
 * Closing an instance (what SIGTERM does) finishes the step in flight, commits it, and gives its lanes and the
 * deadline lease back at once: the next instance takes every lane immediately, though the leases would last
 * five minutes. Long polling (50 s polls, the default) is on too, so its stop is part of what is measured.
 */
class GracefulStopTest {

    /** Holds its step until the test lets it go, so that the close happens while it is in flight. */
    static class HeldHandler implements MessageHandler {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean inFlight = new AtomicBoolean();
        private final String chats;

        HeldHandler(String chats) {
            this.chats = chats;
        }

        @Override
        public boolean accepts(Address from) {
            return from.chat().startsWith(chats);
        }

        @Override
        public Step handle(Inbound message, String state) {
            inFlight.set(true);
            started.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.set(false);
            }
            return Step.of("done", List.of());
        }

        @Override
        public Step failed(Inbound message, String state, RuntimeException error) {
            return Step.reply(List.of());
        }
    }

    @TempDir
    Path data;

    @Test
    void aClosingInstanceFinishesItsStepAndHandsItsLanesOverAtOnce() throws Exception {
        try (FakeBotApiServer telegram = new FakeBotApiServer().start();
                EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"))) {
            Map<String, String> props = Map.of("teahouse.messaging.lease-ttl", "5m",
                    "teahouse.cases.poll-interval", "1m",
                    "teahouse.telegram.token", telegram.token(), "teahouse.telegram.api-url", telegram.baseUrl());
            ConfigurableApplicationContext first = TestApps.start(data.resolve("a"), redis.url(), null, props,
                    Config.class);
            MessagingKeys keys = first.getBean(MessagingKeys.class);
            RedisStore store = first.getBean(RedisStore.class);
            String deadlineLease = store.key("lease:case-deadlines");
            int shards = keys.shards();
            await().atMost(Duration.ofSeconds(60)).until(() -> first.getBean(ShardLeases.class).owned().size() == shards);
            await().atMost(Duration.ofSeconds(60)).until(() -> exists(redis, deadlineLease));
            // a long poll is open (not answered: that would take its 50 s), so the close must end it
            telegram.awaitRequest("getUpdates", Duration.ofSeconds(60));

            HeldHandler held = first.getBean(HeldHandler.class);
            first.getBean(Inbox.class).accept(List.of(Inbound.text("slow-1", Address.of("test", "888001"), null, "x")));
            assertThat(held.started.await(60, TimeUnit.SECONDS)).as("the step started").isTrue();

            LaneSupervisor lanes = first.getBean(LaneSupervisor.class);
            long closing = System.nanoTime();
            Thread closer = new Thread(first::close, "closer");
            closer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !lanes.isRunning());
            held.release.countDown();
            closer.join(TimeUnit.SECONDS.toMillis(60));
            long closeMillis = (System.nanoTime() - closing) / 1_000_000;
            assertThat(closer.isAlive()).isFalse();
            System.out.printf("graceful stop: the context closed in %d ms with a step in flight%n", closeMillis);

            assertThat(exists(redis, store.key("update:slow-1"))).as("the step in flight was committed").isTrue();
            assertThat(IntStream.range(0, shards).filter(s -> exists(redis, keys.lease(s))).boxed().toList())
                    .as("lanes still leased").isEmpty();
            assertThat(exists(redis, deadlineLease)).as("deadline lease released").isFalse();

            try (ConfigurableApplicationContext second = TestApps.start(data.resolve("b"), redis.url(), null, props)) {
                // well before the five-minute TTL: only the release explains it
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> second.getBean(ShardLeases.class).owned().size() == shards);
            }
        }
    }

    /**
     * A step that never finishes cannot hold a stop up (issue 12: an instance stops within 10 s): the instance
     * waits for it only {@code teahouse.messaging.stop-wait}, then abandons it, gives its lanes back and stops while
     * the step is still stuck. The abandoned step is safe: its commit checks the lane's fencing token.
     */
    @Test
    void aStuckStepIsAbandonedAndTheInstanceStillStopsAndHandsItsLanesOver() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"))) {
            Map<String, String> props = Map.of("teahouse.messaging.lease-ttl", "5m",
                    "teahouse.messaging.stop-wait", "2s", "teahouse.cases.poll-interval", "1m");
            ConfigurableApplicationContext app = TestApps.start(data.resolve("a"), redis.url(), null, props,
                    StuckConfig.class);
            MessagingKeys keys = app.getBean(MessagingKeys.class);
            int shards = keys.shards();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.getBean(ShardLeases.class).owned().size() == shards);
            HeldHandler stuck = app.getBean(HeldHandler.class);
            app.getBean(Inbox.class).accept(List.of(Inbound.text("stuck-1", Address.of("test", "999001"), null, "x")));
            assertThat(stuck.started.await(60, TimeUnit.SECONDS)).as("the step started").isTrue();
            try {
                long closing = System.nanoTime();
                Thread closer = new Thread(app::close, "closer");
                closer.start();
                // without a bound the close would wait for the step, which waits for the test: it would never end
                await().atMost(Duration.ofSeconds(90)).until(() -> !closer.isAlive());
                System.out.printf("bounded stop: the context closed in %d ms with a stuck step%n",
                        (System.nanoTime() - closing) / 1_000_000);
                assertThat(stuck.inFlight.get()).as("the step is still stuck: the stop did not wait for it").isTrue();
                assertThat(IntStream.range(0, shards).filter(s -> exists(redis, keys.lease(s))).boxed().toList())
                        .as("lanes still leased").isEmpty();
            } finally {
                stuck.release.countDown();
            }
        }
    }

    private static boolean exists(EmbeddedRedis redis, String key) {
        try (Jedis jedis = redis.connect()) {
            return jedis.exists(key);
        }
    }

    /** A source for the first instance; deliberately not @Configuration, so that scanning never finds it. */
    public static class Config {
        @Bean
        @Order(-100)
        HeldHandler slowHandler() {
            return new HeldHandler("888");
        }
    }

    /** The stuck step's source. */
    public static class StuckConfig {
        @Bean
        @Order(-100)
        HeldHandler stuckHandler() {
            return new HeldHandler("999");
        }
    }
}
