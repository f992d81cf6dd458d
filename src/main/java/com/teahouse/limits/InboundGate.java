package com.teahouse.limits;

import com.teahouse.limits.RateLimiter.Scope;
import com.teahouse.limits.RateLimiter.Verdict;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.SetParams;

/**
 * For channels that cannot answer a request with 429 (Telegram): drops what a sender sends over their limit
 * before it reaches a lane, and tells the chat "slow down" once per quiet period rather than once per message.
 */
@Component
public class InboundGate {

    private static final Logger log = LoggerFactory.getLogger(InboundGate.class);
    private static final Duration QUIET = Duration.ofSeconds(30);

    private final RateLimiter limiter;
    private final Outbox outbox;
    private final com.teahouse.texts.Texts texts;
    private final RedisStore store;

    InboundGate(RateLimiter limiter, Outbox outbox, com.teahouse.texts.Texts texts, RedisStore store) {
        this.limiter = limiter;
        this.outbox = outbox;
        this.texts = texts;
        this.store = store;
    }

    /** The messages within their senders' limits, in order; the chats of the others are told once. */
    public List<Inbound> admit(List<Inbound> batch, Scope scope) {
        List<Inbound> admitted = new ArrayList<>(batch.size());
        List<Inbound> over = new ArrayList<>();
        for (Inbound message : batch) {
            String who = message.sender() != null ? message.sender().id() : message.from().conversationKey();
            Verdict verdict = limiter.take(scope, who);
            (verdict.allowed() ? admitted : over).add(message);
        }
        refused(over);
        return admitted;
    }

    /** Tells each chat among {@code refused} to slow down, at most once per quiet period. Never throws. */
    public void refused(List<Inbound> refused) {
        List<Outbound> notices = new ArrayList<>();
        for (Inbound message : refused) {
            try {
                String told = store.key("limits:told:" + message.from().conversationKey());
                if ("OK".equals(store.jedis().set(told, "1", SetParams.setParams().nx().ex(QUIET.toSeconds())))) {
                    String language = texts.languageFor(message.sender() == null ? null
                            : message.sender().languageCode());
                    notices.add(Outbound.send(message.from(), texts.render("limits.slowDown", language)));
                }
            } catch (RuntimeException e) {
                log.warn("Could not note a slow-down notice ({})", e.toString());
            }
        }
        try {
            outbox.post(notices);
        } catch (RuntimeException e) {
            log.warn("Could not post {} slow-down notice(s) ({})", notices.size(), e.toString());
        }
    }
}
