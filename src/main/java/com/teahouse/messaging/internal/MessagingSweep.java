package com.teahouse.messaging.internal;

import com.teahouse.store.AckedStreams;
import com.teahouse.store.RedisStore;
import com.teahouse.store.RetentionTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XTrimParams;

/**
 * The message path's share of retention: trims acknowledged inbox and outbox entries past their period (never a
 * pending one, see trim-acked.lua), trims dead letters by age and count, and gives a conversation state written
 * before expiry existed its period (every step sets it since, in the step's own transaction).
 */
@Component
class MessagingSweep implements RetentionTask {

    private static final Logger log = LoggerFactory.getLogger(MessagingSweep.class);
    /** SCAN pages per sweep for conversation states without an expiry: bounded work, resumed next sweep. */
    private static final int SCAN_PAGES = 10;

    private final RedisStore store;
    private final MessagingKeys keys;
    private final MessagingRetention retention;
    private final AckedStreams streams;

    MessagingSweep(RedisStore store, MessagingKeys keys, MessagingRetention retention, AckedStreams streams) {
        this.store = store;
        this.streams = streams;
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "messaging";
    }

    @Override
    public int sweep(Instant now, int budget) {
        Instant cut = now.minus(retention.streams());
        long trimmed = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            trimmed += trimAcked(keys.inbox(shard), "inbox", shard, cut, now);
            trimmed += trimAcked(keys.outbox(shard), "outbox", shard, cut, now);
        }
        String deadCut = now.minus(retention.deadLetters()).toEpochMilli() + "-0";
        trimmed += store.jedis().xtrim(keys.deadLetters(), XTrimParams.xTrimParams().minId(deadCut));
        trimmed += store.jedis().xtrim(keys.deadLetters(),
                XTrimParams.xTrimParams().maxLen(retention.deadLettersMax()).approximateTrimming());
        return (int) Math.min(Integer.MAX_VALUE, trimmed + conversationsWithoutExpiry(budget));
    }

    private long trimAcked(String stream, String kind, int shard, Instant cut, Instant now) {
        AckedStreams.Trimmed r = streams.trim(stream, cut);
        // never trimmed past an unacknowledged entry; one stuck for good holds its lane's history with it
        r.heldBackSince().ifPresent(since -> log.warn("Lane {} {}: an entry pending for {} h holds back trimming",
                shard, kind, Duration.between(since, now).toHours()));
        return r.removed();
    }

    /** A few SCAN pages from where the last sweep stopped (the cursor is kept in Redis); returns keys given a TTL. */
    private int conversationsWithoutExpiry(int budget) {
        String cursorKey = store.key("retention:conv-cursor");
        String cursor = store.jedis().get(cursorKey);
        cursor = cursor == null ? ScanParams.SCAN_POINTER_START : cursor;
        ScanParams match = new ScanParams().match(keys.conversationPattern()).count(budget);
        int fixed = 0;
        for (int page = 0; page < SCAN_PAGES; page++) {
            var result = store.jedis().scan(cursor, match);
            fixed += expireUnbounded(result.getResult());
            cursor = result.getCursor();
            if (ScanParams.SCAN_POINTER_START.equals(cursor)) {
                break;
            }
        }
        store.jedis().set(cursorKey, cursor);
        return fixed;
    }

    private int expireUnbounded(List<String> found) {
        if (found.isEmpty()) {
            return 0;
        }
        List<Response<Long>> ttls = new ArrayList<>();
        try (var p = store.jedis().pipelined()) {
            found.forEach(key -> ttls.add(p.ttl(key)));
            p.sync();
        }
        int fixed = 0;
        try (var p = store.jedis().pipelined()) {
            for (int i = 0; i < found.size(); i++) {
                if (ttls.get(i).get() == -1) {
                    // the last activity is unknown here: the full period from now, never less
                    p.expire(found.get(i), retention.conversations().toSeconds());
                    fixed++;
                }
            }
            p.sync();
        }
        return fixed;
    }
}
