package com.teahouse.staff.internal;

import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * 常用回复: canned replies per case category, kept by supervisors and used by everyone handling cases. One Redis
 * hash, {@code staff:canned}: id → a flat JSON record (id, category, title, text, by, at).
 */
@Component
class CannedReplies {

    static final int MAX_TITLE = 40;
    static final int MAX_TEXT = 1000;

    private final RedisStore redis;
    private final Clock clock;

    CannedReplies(RedisStore redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The replies of a category (all when null), by title. */
    List<Map<String, String>> of(String category) {
        return redis.jedis().hvals(key()).stream().map(FlatJson::read)
                .filter(r -> category == null || category.equals(r.get("category")))
                .sorted(Comparator.comparing(r -> r.getOrDefault("title", ""))).toList();
    }

    Optional<Map<String, String>> get(String id) {
        String json = id == null ? null : redis.jedis().hget(key(), id);
        return json == null ? Optional.empty() : Optional.of(FlatJson.read(json));
    }

    /** Stores a new reply ({@code id} null) or replaces one; returns it. */
    Map<String, String> save(String id, String category, String title, String text, String by) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", id == null ? UUID.randomUUID().toString() : id);
        r.put("category", category);
        r.put("title", title);
        r.put("text", text);
        r.put("by", by);
        r.put("at", Long.toString(clock.millis()));
        redis.jedis().hset(key(), r.get("id"), FlatJson.write(r));
        return r;
    }

    boolean delete(String id) {
        return redis.jedis().hdel(key(), id) > 0;
    }

    private String key() {
        return redis.key("staff:canned");
    }
}
