package com.teahouse.messaging.internal;

import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbound.Kind;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Step;
import com.teahouse.store.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;

/**
 * One conversation step: skip a message already handled, load the chat's state, let the handler decide, then
 * commit state, replies, dedupe marker and the inbox acknowledgement in one script that checks the lane's
 * fencing token first ({@link StepCommit}). Two round trips per message here (the handler may add its own: the
 * dialog's takeover check is one).
 */
@Component
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    private static final long DEDUPE_SECONDS = 48 * 3600;

    private final RedisStore store;
    private final MessagingKeys keys;
    private final JsonCodec codec;
    private final List<MessageHandler> handlers;
    private final MeterRegistry meters;
    private final StreamWrites writes;
    private final StepCommit commit;
    private final long conversationSeconds;
    private final MasterWatch master;

    StepRunner(RedisStore store, MessagingKeys keys, JsonCodec codec, List<MessageHandler> handlers,
            MeterRegistry meters, StreamWrites writes, StepCommit commit, MessagingRetention retention,
            MasterWatch master) {
        this.master = master;
        this.store = store;
        this.keys = keys;
        this.codec = codec;
        this.handlers = handlers;
        this.meters = meters;
        this.writes = writes;
        this.commit = commit;
        this.conversationSeconds = retention.conversations().toSeconds();
    }

    /**
     * Throws a Jedis exception when Redis fails, {@link StepCommit.Behind} when an earlier entry of the lane is
     * pending again (a failover lost its commit) or the master changed during the step: the caller reads the lane's pending entries again and goes on
     * from the oldest, which is safe (a step done again is dropped as a duplicate once committed). Throws
     * {@link StepCommit.Fenced} when the lane's fencing token is no longer {@code token}: another instance owns
     * the lane now, nothing of this step was written, and the caller must drop the lane.
     */
    public void process(int shard, long token, StreamEntryID entryId, String payload) {
        long epoch = master.epoch();
        Inbound message;
        try {
            message = codec.inbound(payload);
        } catch (IllegalArgumentException e) {
            log.error("Inbox entry {} of lane {} is unreadable and is set aside: {}", entryId, shard, e.getMessage());
            store.jedis().xack(keys.inbox(shard), MessagingKeys.GROUP, entryId);
            return;
        }
        String dedupeKey = keys.dedupe(message.id());
        String state;
        try (var read = store.jedis().pipelined()) {
            var seen = read.exists(dedupeKey);
            var stored = read.get(keys.conversation(message.from()));
            read.sync();
            if (seen.get()) {
                try (var ack = store.jedis().pipelined()) {
                    writes.released(ack, message, shard, entryId);
                }
                meters.counter("teahouse.updates.duplicates", "channel", message.from().channel()).increment();
                log.debug("Duplicate {} dropped", message.logId());
                return;
            }
            state = stored.get();
        }
        Step step = decide(message, state);
        if (master.epoch() != epoch) {
            // the handler's own writes (a case opened) may be on the old master alone: do the step again there
            throw new StepCommit.Behind("the Redis master changed during the step of " + entryId);
        }
        commit(shard, token, entryId, message, step);
    }

    private Step decide(Inbound message, String state) {
        MessageHandler handler = handlers.stream().filter(h -> h.accepts(message.from())).findFirst().orElse(null);
        if (handler == null) {
            log.warn("No handler for channel {}; message {} acknowledged without reply", message.from().channel(),
                    message.logId());
            return Step.reply(List.of());
        }
        try {
            return handler.handle(message, state);
        } catch (RuntimeException e) {
            if (e instanceof redis.clients.jedis.exceptions.JedisException) {
                throw e;
            }
            log.error("Handler failed on message {} ({}); answering with an apology", message.logId(), message.kind(),
                    e);
            meters.counter("teahouse.steps.failed").increment();
            return handler.failed(message, state, e);
        }
    }

    private void commit(int shard, long token, StreamEntryID entryId, Inbound message, Step step) {
        List<Outbound> replies = new ArrayList<>(step.replies());
        if (message.kind() == Kind.BUTTON && message.callbackRef() != null) {
            replies.add(0, Outbound.ack(message.from(), message.callbackRef()));
        }
        try {
            // personal data expires a period after the chat's last message (PIPL), set with the state it covers
            commit.commit(shard, token, entryId, message, step.state(), replies, conversationSeconds, DEDUPE_SECONDS);
        } catch (StepCommit.Fenced e) {
            meters.counter("teahouse.steps.fenced").increment();
            log.warn("Step of message {} not committed: lane {} moved to another instance (token {} is stale)",
                    message.logId(), shard, token);
            throw e;
        }
        meters.counter("teahouse.steps", "channel", message.from().channel()).increment();
    }
}
