package com.teahouse.cases.internal;

import com.teahouse.cases.CaseMerging.Similar;
import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Response;

/**
 * The 并单 candidates as Redis keeps them, for every instance to show the same: with both cases
 * ({@code case:<t>:similar}, a sorted set by score, with the reasons in {@code case:<t>:similar:why}) and in the
 * supervisor's list ({@code cases:similar:pairs}, members "A|B", reasons in {@code cases:similar:why}).
 */
final class CandidatePairs {

    private final RedisStore redis;

    CandidatePairs(RedisStore redis) {
        this.redis = redis;
    }

    /** Only cases still being worked on under their own number are candidates (one pipeline for all). */
    List<Similar> stillOpen(List<Similar> found) {
        if (found.isEmpty()) {
            return found;
        }
        List<Response<String>> states = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (Similar s : found) {
                states.add(p.hget(redis.key("case:" + s.tracking()), "state"));
            }
            p.sync();
        }
        List<Similar> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            String st = states.get(i).get();
            if (st != null && MergeStates.mergeable(st)) {
                out.add(found.get(i));
            }
        }
        return out;
    }

    /** Stores the pairs with both cases and in the supervisor's list, in one transaction. */
    void save(String t, List<Similar> found) {
        if (found.isEmpty()) {
            return;
        }
        try (var tx = redis.jedis().multi()) {
            for (Similar s : found) {
                String why = String.join(",", s.reasons());
                tx.zadd(redis.key("case:" + t + ":similar"), s.score(), s.tracking());
                tx.zadd(redis.key("case:" + s.tracking() + ":similar"), s.score(), t);
                tx.hset(redis.key("case:" + t + ":similar:why"), s.tracking(), why);
                tx.hset(redis.key("case:" + s.tracking() + ":similar:why"), t, why);
                String pair = MergeStates.pair(t, s.tracking());
                tx.zadd(redis.key("cases:similar:pairs"), s.score(), pair);
                tx.hset(redis.key("cases:similar:why"), pair, why);
            }
            tx.exec();
        }
    }
}
