package com.teahouse.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.teahouse.store.RedisStore;

import redis.clients.jedis.Response;

/**
 * Records a missed question into the unanswered list: joins the line it matches ({@link ClusterMatch}) among the
 * lines sharing its words, or starts a new one, evicting the line asked longest ago above the cap. Every key
 * expires after the retention period, so a line nobody asks again goes by itself. Two instances recording the
 * same new question at the same moment may start two lines; that costs a duplicate line, never a lost count.
 */
final class UnansweredClusters {

    /** Lines looked at as join candidates: those sharing most words. */
    static final int PROBE = 8;
    /** Words kept per line (its first phrasings' words, then more until the cap). */
    static final int MAX_WORDS = 48;
    static final int MAX_CANDIDATES = 5;

    private final RedisStore store;
    private final ClusterKeys keys;
    private final int maxLines;
    private final int maxVariants;
    private final Duration retention;

    UnansweredClusters(RedisStore store, int maxLines, int maxVariants, Duration retention) {
        this.store = store;
        this.keys = new ClusterKeys(store);
        this.maxLines = maxLines;
        this.maxVariants = maxVariants;
        this.retention = retention;
    }

    /** Adds one asking; returns the id of the line it went to. {@code question} must be scrubbed already. */
    String record(String question, String lang, Set<String> words, List<String> candidates, Instant at) {
        Set<String> own = words.isEmpty() ? Set.of(question.toLowerCase().replaceAll("\\s+", "_")) : words;
        String top = candidates.isEmpty() ? null : candidates.get(0);
        String id = joinable(lang, own, top);
        var jedis = store.jedis();
        if (id == null) {
            id = Long.toString(jedis.incr(keys.seq()));
            if (jedis.zcard(keys.index()) >= maxLines) {
                var oldest = jedis.zpopmin(keys.index());
                if (oldest != null) {
                    remove(oldest.getElement());
                }
            }
            jedis.hset(keys.line(id), Map.of("lang", lang, "count", "0", "firstAsked", Long.toString(at.toEpochMilli()),
                    "first", String.join(" ", own), "words", String.join(" ", own), "top", top == null ? "" : top));
        } else {
            Map<String, String> line = jedis.hgetAll(keys.line(id));
            if (!line.getOrDefault("handled", "").isEmpty()) {
                // asked again after it was handled: it comes back, counting from here
                jedis.hset(keys.line(id), Map.of("count", "0", "handled", ""));
            }
            Set<String> merged = new LinkedHashSet<>(Arrays.asList(line.getOrDefault("words", "").split(" ")));
            own.forEach(w -> {
                if (merged.size() < MAX_WORDS) {
                    merged.add(w);
                }
            });
            merged.remove("");
            jedis.hset(keys.line(id), "words", String.join(" ", merged));
        }
        long ttl = retention.toMillis();
        try (var p = jedis.pipelined()) {
            p.hincrBy(keys.line(id), "count", 1);
            p.hset(keys.line(id), "last", Long.toString(at.toEpochMilli()));
            p.zadd(keys.index(), at.toEpochMilli(), id);
            p.zincrby(keys.variants(id), 1, question);
            p.zremrangeByRank(keys.variants(id), 0, -(maxVariants + 1));
            for (int i = 0; i < candidates.size() && i < MAX_CANDIDATES; i++) {
                p.zincrby(keys.entries(id), MAX_CANDIDATES - i, candidates.get(i));
            }
            p.zremrangeByRank(keys.entries(id), 0, -(MAX_CANDIDATES + 1));
            for (String w : own) {
                p.sadd(keys.word(lang, w), id);
                p.pexpire(keys.word(lang, w), ttl);
            }
            p.pexpire(keys.line(id), ttl);
            p.pexpire(keys.variants(id), ttl);
            p.pexpire(keys.entries(id), ttl);
            p.sync();
        }
        return id;
    }

    /** The best line to join among those sharing words with the question, or null. */
    private String joinable(String lang, Set<String> words, String top) {
        Map<String, Integer> shared = new HashMap<>();
        try (var p = store.jedis().pipelined()) {
            List<Response<Set<String>>> members = new ArrayList<>();
            words.forEach(w -> members.add(p.smembers(keys.word(lang, w))));
            p.sync();
            members.forEach(r -> r.get().forEach(id -> shared.merge(id, 1, Integer::sum)));
        }
        List<String> probe = shared.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(PROBE)
                .map(Map.Entry::getKey).toList();
        String best = null;
        double bestScore = 0;
        try (var p = store.jedis().pipelined()) {
            List<Response<List<String>>> lines = new ArrayList<>();
            probe.forEach(id -> lines.add(p.hmget(keys.line(id), "first", "words", "top", "lang")));
            p.sync();
            for (int i = 0; i < probe.size(); i++) {
                List<String> l = lines.get(i).get();
                if (l.get(0) == null || l.get(1) == null || !lang.equals(l.get(3))) {
                    continue; // gone (evicted or expired) but still in a word's set until that expires
                }
                double s = ClusterMatch.score(words, top, Arrays.asList(l.get(0).split(" ")),
                        Arrays.asList(l.get(1).split(" ")), l.get(2));
                if (s > bestScore) {
                    bestScore = s;
                    best = probe.get(i);
                }
            }
        }
        return best;
    }

    /** Drops a line (evicted or past retention); its id stays in word sets until they expire, and is skipped. */
    void remove(String id) {
        var jedis = store.jedis();
        jedis.zrem(keys.index(), id);
        jedis.del(keys.line(id), keys.variants(id), keys.entries(id));
    }
}
