package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Keeps {@link OpenCaseTexts} up to date from Redis. It is not told of cases by events, which stay in the instance
 * that made them: before each comparison it reads from {@code cases:all} (every case by opening time, written by
 * open.lua) the cases opened since it last looked, on any instance, so every instance compares a new case with the
 * same cases. It reads again from a little before the newest opening time it saw: a case whose opening time was
 * taken just before another's but written just after it (two instances, or two threads) is still read.
 */
final class OpenCaseFeed {

    /** How far back each look starts before the newest opening time seen. */
    static final long OVERLAP_MS = 10_000;
    /** Cases read per round trip (the warm-up reads the whole window). */
    static final int PAGE = 2_000;
    private static final String[] FIELDS = {"category", "location", "description", "company", "ownerChannel",
        "ownerChat", "confidential", "openedAt"};

    private final RedisStore redis;
    private final OpenCaseTexts texts;
    private final Duration window;
    private double newest;
    /** Cases of the overlap read but not held (no description), so they are not read again each time. */
    private final Map<String, Double> passed = new HashMap<>();
    private Instant prunedAt = Instant.EPOCH;

    OpenCaseFeed(RedisStore redis, OpenCaseTexts texts, Duration window, Instant now) {
        this.redis = redis;
        this.texts = texts;
        this.window = window;
        this.newest = now.minus(window).toEpochMilli();
    }

    /** Reads the cases opened since the last look (one ZRANGEBYSCORE, one pipeline for the new ones, per page). */
    void catchUp(Instant now) {
        double from = newest - OVERLAP_MS;
        for (int offset = 0;; offset += PAGE) {
            List<Tuple> page = redis.jedis().zrangeByScoreWithScores(redis.key("cases:all"), from,
                    Double.POSITIVE_INFINITY, offset, PAGE);
            List<Tuple> fresh = new ArrayList<>();
            for (Tuple t : page) {
                newest = Math.max(newest, t.getScore());
                if (texts.get(t.getElement()) == null && !passed.containsKey(t.getElement())) {
                    fresh.add(t);
                }
            }
            read(fresh);
            if (page.size() < PAGE) {
                break;
            }
        }
        passed.values().removeIf(opened -> opened < newest - OVERLAP_MS);
        if (Duration.between(prunedAt, now).toMinutes() >= 60) {
            prunedAt = now;
            texts.prune(now.minus(window).toEpochMilli());
        }
    }

    private void read(List<Tuple> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Response<List<String>>> rows = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (Tuple t : fresh) {
                rows.add(p.hmget(redis.key("case:" + t.getElement()), FIELDS));
            }
            p.sync();
        }
        for (int i = 0; i < fresh.size(); i++) {
            List<String> f = rows.get(i).get();
            String tracking = fresh.get(i).getElement();
            if (f.get(2) == null || f.get(2).isBlank() || f.get(7) == null) {
                passed.put(tracking, fresh.get(i).getScore());
                continue;
            }
            texts.add(tracking, f.get(0), f.get(1), f.get(2), f.get(3), ownerKey(f.get(4), f.get(5)),
                    "1".equals(f.get(6)), Long.parseLong(f.get(7)));
        }
    }

    /** The entrepreneur as an opaque key: the same chat gives the same key, and the key gives no chat id. */
    static String ownerKey(String channel, String chat) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((channel + ":" + chat)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
