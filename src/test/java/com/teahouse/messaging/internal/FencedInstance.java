package com.teahouse.messaging.internal;

import static org.awaitility.Awaitility.await;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.messaging.Step;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import redis.clients.jedis.params.SetParams;

/**
 * One app instance as its own process, for {@link LaneFencingProcessTest}: the whole hotline on a shared Redis with
 * a counting echo conversation on the "kit" channel, whose outlet records each delivered reply in the Redis stream
 * {@code test:delivered}. The first instance that sees the text "hold" stops in the middle of that step (after
 * deciding, before committing) and says so in {@code test:holding}, until {@code test:resume} exists: the moment
 * the test freezes the process.
 * Arguments: data dir, Redis URL.
 */
public final class FencedInstance {

    public static final String DELIVERED = "test:delivered";
    public static final String HOLDING = "test:holding";
    public static final String RESUME = "test:resume";

    public static void main(String[] args) {
        TestHotline.start(Path.of(args[0]), Map.of("teahouse.redis.url", args[1],
                "teahouse.messaging.shards", "1", "teahouse.messaging.lease-ttl", "2s",
                "logging.level.root", "WARN"), Config.class);
    }

    /** A source for TestHotline; deliberately not @Configuration, so that component scanning never finds it. */
    public static class Config {
        @Bean
        @Order(-100)
        HoldingEcho holdingEcho(RedisStore store) {
            return new HoldingEcho(store);
        }

        @Bean
        RecordingOutlet recordingOutlet(RedisStore store) {
            return new RecordingOutlet(store);
        }
    }

    /** "echo N: text", N counted in the chat's stored state; holds once on "hold" (see the class comment). */
    static final class HoldingEcho implements MessageHandler {
        private final RedisStore store;

        HoldingEcho(RedisStore store) {
            this.store = store;
        }

        @Override
        public boolean accepts(Address from) {
            return from.chat().startsWith("777");
        }

        @Override
        public Step handle(Inbound message, String state) {
            int count = state == null ? 1 : Integer.parseInt(state) + 1;
            Step step = Step.of(String.valueOf(count), List.of(Outbound.send(message.from(),
                    RichText.plain("echo " + count + ": " + message.text()))));
            String pid = Long.toString(ProcessHandle.current().pid());
            if ("hold".equals(message.text())
                    && "OK".equals(store.jedis().set("test:held", pid, SetParams.setParams().nx()))) {
                store.jedis().set(HOLDING, pid);
                await().forever().pollInterval(Duration.ofMillis(50)).until(() -> store.jedis().exists(RESUME));
            }
            return step;
        }

        @Override
        public Step failed(Inbound message, String state, RuntimeException error) {
            return Step.reply(List.of());
        }
    }

    /** The "kit" channel's outlet: each delivered reply goes to a Redis stream that the test reads. */
    static final class RecordingOutlet implements ChannelOutlet {
        private final RedisStore store;

        RecordingOutlet(RedisStore store) {
            this.store = store;
        }

        @Override
        public String channel() {
            return "kit";
        }

        @Override
        public Delivery deliver(Outbound outbound) {
            store.jedis().xadd(DELIVERED, redis.clients.jedis.StreamEntryID.NEW_ENTRY, Map.of("chat",
                    outbound.to().chat(), "text", outbound.text().plainText(),
                    "pid", Long.toString(ProcessHandle.current().pid())));
            return Delivery.delivered("ok");
        }
    }
}
