package com.teahouse.messaging.internal;

import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.ChannelOutlet.Delivery;
import com.teahouse.messaging.OutboundDelivered;
import org.springframework.context.ApplicationEventPublisher;
import com.teahouse.messaging.internal.ChatQueues.Pending;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import com.teahouse.store.WhenRedisUp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Delivers the outbox: per chat in order, several chats at once, within each channel's rate limits. A reply
 * leaves the outbox only when the channel took it, or when it failed for good; then it goes to the dead-letter
 * stream with its reason, and the failure is logged and counted. Nothing is dropped silently.
 */
final class OutboxSender implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final long GIVE_UP_AFTER_MILLIS = Duration.ofHours(24).toMillis();

    private final RedisStore store;
    private final MessagingKeys keys;
    private final ChatQueues queues;
    private final Map<String, ChannelOutlet> outlets;
    private final ExecutorService pool;
    private final MeterRegistry meters;
    private final JsonCodec codec;
    private final ApplicationEventPublisher events;
    private final int deadLettersMax;
    private final IntPredicate laneHeld;
    private volatile boolean running = true;

    OutboxSender(RedisStore store, MessagingKeys keys, ChatQueues queues, List<ChannelOutlet> outlets,
            ExecutorService pool, MeterRegistry meters, JsonCodec codec, ApplicationEventPublisher events,
            int deadLettersMax, IntPredicate laneHeld) {
        this.laneHeld = laneHeld;
        this.store = store;
        this.keys = keys;
        this.queues = queues;
        this.outlets = outlets.stream().collect(Collectors.toMap(ChannelOutlet::channel, Function.identity()));
        this.pool = pool;
        this.meters = meters;
        this.codec = codec;
        this.events = events;
        this.deadLettersMax = deadLettersMax;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                for (Pending pending : queues.takeReady(200)) {
                    pool.execute(() -> attempt(pending));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void attempt(Pending pending) {
        if (!laneHeld.test(pending.shard())) {
            // the lane's lease may have passed to another instance (this one paused): it sends this reply; ours
            // is dropped with the lane once the lease round notices
            queues.later(pending, 1000, false);
            return;
        }
        String channel = pending.outbound().to().channel();
        ChannelOutlet outlet = outlets.get(channel);
        if (outlet == null) {
            log.warn("No outlet for channel {} in this instance; reply {} waits", channel, pending.id());
            queues.later(pending, 60_000, false);
            return;
        }
        Duration wait = outlet.waitBeforeSend(pending.outbound().to());
        if (!wait.isZero()) {
            queues.later(pending, wait.toMillis(), false);
            return;
        }
        Delivery delivery;
        try {
            delivery = outlet.deliver(pending.outbound(), pending.shard() + "-" + pending.id());
        } catch (RuntimeException e) {
            delivery = Delivery.retry(Duration.ZERO, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            settle(pending, delivery, channel);
        } catch (JedisException | StoreUnavailable e) {
            log.warn("Could not acknowledge reply {} ({}); it will be retried", pending.id(), e.getMessage());
            queues.later(pending, 1000, false);
        }
    }

    private void settle(Pending pending, Delivery delivery, String channel) {
        switch (delivery.outcome()) {
            case DELIVERED -> {
                if (pending.outbound().correlation() != null) {
                    // before the acknowledgement: a crash in between repeats the call rather than losing its result
                    OutboundDelivered delivered = new OutboundDelivered(pending.outbound(),
                            pending.outbound().correlation(), delivery.ref());
                    untilStored(pending, () -> events.publishEvent(delivered));
                }
                untilStored(pending, () -> store.jedis().xack(keys.outbox(pending.shard()), MessagingKeys.GROUP,
                        pending.id()));
                meters.counter("teahouse.messages.sent", "channel", channel).increment();
                queues.done(pending);
            }
            case FAILED -> deadLetter(pending, delivery.reason(), channel);
            case RETRY -> {
                long age = System.currentTimeMillis() - pending.id().getTime();
                if (age > GIVE_UP_AFTER_MILLIS) {
                    deadLetter(pending, "gave up after 24 h: " + delivery.reason(), channel);
                    return;
                }
                int attempts = queues.attempts(pending) + 1;
                long delay = delivery.retryAfter().isZero()
                        ? Math.min(30_000, 250L << Math.min(attempts, 7)) : delivery.retryAfter().toMillis();
                meters.counter("teahouse.messages.retries", "channel", channel).increment();
                log.info("Reply {} to {} not delivered (attempt {}): {}; next try in {} ms", pending.id(), channel,
                        attempts, delivery.reason(), delay);
                queues.later(pending, delay, true);
            }
        }
    }

    /**
     * The channel has the message: what follows (recording its result, acknowledging the entry) is retried alone
     * while Redis is down (a kill, a failover), never the send, which would reach the person twice. Only if this
     * instance loses the lane meanwhile does the entry stay pending, and the lane's next owner sends it again.
     */
    private void untilStored(Pending pending, Runnable write) {
        for (long wait = 100; ; wait = Math.min(2000, wait * 2)) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (!redisAway(e) || !running || !laneHeld.test(pending.shard())) {
                    throw e;
                }
                log.warn("Reply {} was delivered; recording it waits for Redis ({})", pending.id(), e.getMessage());
                try {
                    Thread.sleep(wait); // a back-off while Redis is away, not a wait for an outcome
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Redis unreachable, or the master just demoted by a failover (READONLY), anywhere in the causes. */
    private static boolean redisAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisException && String.valueOf(t.getMessage()).startsWith("READONLY")) {
                return true;
            }
        }
        return WhenRedisUp.unreachable(e);
    }

    private void deadLetter(Pending pending, String reason, String channel) {
        try (var tx = store.jedis().multi()) {
            tx.xadd(keys.deadLetters(), XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY)
                            .maxLen(deadLettersMax).approximateTrimming(),
                    Map.of("entry", pending.id().toString(), "channel", channel, "reason", String.valueOf(reason),
                            "m", codec.write(pending.outbound())));
            tx.xack(keys.outbox(pending.shard()), MessagingKeys.GROUP, pending.id());
            tx.exec();
        }
        meters.counter("teahouse.messages.failed", "channel", channel).increment();
        log.warn("Reply {} to {} failed for good and went to the dead-letter stream: {}", pending.id(), channel,
                reason);
        queues.done(pending);
    }
}
