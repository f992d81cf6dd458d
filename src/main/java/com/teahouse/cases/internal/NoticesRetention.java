package com.teahouse.cases.internal;

import com.teahouse.store.AckedStreams;
import com.teahouse.store.RedisStore;
import com.teahouse.store.RetentionTask;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trims delivered case notices past {@code teahouse.retention.cases.notices}: an entry carries the reply or note
 * it announces, so it must not outlive the message path's own period. An entry the delivery group has not
 * acknowledged is never trimmed (it has still to reach someone).
 */
@Component
class NoticesRetention implements RetentionTask {

    private static final Logger log = LoggerFactory.getLogger(NoticesRetention.class);

    private final RedisStore redis;
    private final AckedStreams streams;
    private final CaseRetention retention;

    NoticesRetention(RedisStore redis, AckedStreams streams, CaseRetention retention) {
        this.redis = redis;
        this.streams = streams;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "case-notices";
    }

    @Override
    public int sweep(Instant now, int budget) {
        AckedStreams.Trimmed r = streams.trim(redis.key("cases:notices"), now.minus(retention.notices()));
        r.heldBackSince().ifPresent(since -> log.warn("A case notice undelivered for {} h holds back trimming",
                Duration.between(since, now).toHours()));
        return (int) Math.min(Integer.MAX_VALUE, r.removed());
    }
}
