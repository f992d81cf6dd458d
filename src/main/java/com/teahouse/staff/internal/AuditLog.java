package com.teahouse.staff.internal;

import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Who changed which account, how and when: the Redis stream {@code staff:audit}, capped at about
 * {@link #KEEP} entries. It holds usernames and the kind of change (with roles or unit where that is the
 * change), never a password, a hash, a name, a phone or a Telegram id.
 */
@Component
class AuditLog {

    static final long KEEP = 100_000;

    private final RedisStore redis;
    private final Clock clock;

    AuditLog(RedisStore redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void record(String who, String action, String whom, String detail) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("at", Long.toString(clock.millis()));
        entry.put("who", who);
        entry.put("action", action);
        entry.put("whom", whom);
        entry.put("detail", detail == null ? "" : detail);
        redis.jedis().xadd(key(), XAddParams.xAddParams().maxLen(KEEP).approximateTrimming(), entry);
    }

    /** The newest entries first. */
    List<Map<String, String>> latest(int count) {
        List<StreamEntry> entries = redis.jedis().xrevrange(key(), StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID,
                count);
        return entries.stream().map(StreamEntry::getFields).toList();
    }

    private String key() {
        return redis.key("staff:audit");
    }
}
