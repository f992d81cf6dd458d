package com.teahouse.policy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.teahouse.store.RedisStore;

import redis.clients.jedis.Response;

/**
 * Reads the unanswered list: the lines asked within a period and not handled since, each with its most frequent
 * phrasing, count, last time asked, language and closest entries; marks a line handled. A handled line stays
 * hidden until someone asks it again; then it is back, counting the askings since it was handled.
 */
final class UnansweredList {

    /** One line of the list. */
    record Line(String id, String question, String lang, long count, Instant lastAsked, List<String> candidates,
                List<String> variants) {
    }

    enum Sort { COUNT, LAST, LANG }

    static final int SHOWN_CANDIDATES = 3;

    private final RedisStore store;
    private final ClusterKeys keys;

    UnansweredList(RedisStore store) {
        this.store = store;
        this.keys = new ClusterKeys(store);
    }

    List<Line> since(Instant from, Sort sort, int limit) {
        List<String> ids = store.jedis().zrevrangeByScore(keys.index(), "+inf", Long.toString(from.toEpochMilli()));
        List<Line> out = new ArrayList<>();
        try (var p = store.jedis().pipelined()) {
            List<Response<Map<String, String>>> lines = new ArrayList<>();
            List<Response<List<String>>> variants = new ArrayList<>();
            List<Response<List<String>>> entries = new ArrayList<>();
            for (String id : ids) {
                lines.add(p.hgetAll(keys.line(id)));
                variants.add(p.zrevrange(keys.variants(id), 0, -1));
                entries.add(p.zrevrange(keys.entries(id), 0, SHOWN_CANDIDATES - 1));
            }
            p.sync();
            for (int i = 0; i < ids.size(); i++) {
                Map<String, String> h = lines.get(i).get();
                List<String> v = variants.get(i).get();
                if (h.isEmpty() || v.isEmpty() || !h.getOrDefault("handled", "").isEmpty()) {
                    continue;
                }
                out.add(new Line(ids.get(i), v.get(0), h.getOrDefault("lang", "zh"),
                        Long.parseLong(h.getOrDefault("count", "0")),
                        Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("last", "0"))), entries.get(i).get(), v));
            }
        }
        Comparator<Line> byLast = Comparator.comparing(Line::lastAsked).reversed();
        Comparator<Line> order = switch (sort) {
            case COUNT -> Comparator.comparingLong(Line::count).reversed().thenComparing(byLast);
            case LAST -> byLast;
            case LANG -> Comparator.comparing(Line::lang).thenComparing(Comparator.comparingLong(Line::count)
                    .reversed()).thenComparing(byLast);
        };
        return out.stream().sorted(order).limit(limit).toList();
    }

    /** Hides a line until it is asked again; false when there is no such line. */
    boolean handled(String id, Instant at) {
        String key = keys.line(id);
        if (!store.jedis().exists(key)) {
            return false;
        }
        store.jedis().hset(key, "handled", Long.toString(at.toEpochMilli()));
        return true;
    }

    /** Drops up to {@code budget} lines last asked before {@code cutoff}; returns how many. */
    int expire(Instant cutoff, int budget, UnansweredClusters clusters) {
        List<String> old = store.jedis().zrangeByScore(keys.index(), "-inf", "(" + cutoff.toEpochMilli(), 0,
                Math.max(1, budget));
        old.forEach(clusters::remove);
        return old.size();
    }
}
