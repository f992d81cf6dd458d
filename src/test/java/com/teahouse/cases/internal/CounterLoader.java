package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Timing;
import com.teahouse.store.RedisStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For benchmarks: adds cases' counts straight into the day hashes, with the same layout as the Lua block
 * ({@link CounterKeys}), without the cases themselves or the lists of cases behind each figure. Fields are added
 * up in memory and written with one HINCRBY each per day when {@link #flush} is called.
 */
public final class CounterLoader {

    private final RedisStore redis;
    private final Map<String, Map<String, Long>> days = new HashMap<>();

    public CounterLoader(RedisStore redis) {
        this.redis = redis;
    }

    /** One event of a case: its measures and timed durations (working minutes), on its day. */
    public void add(LocalDate day, String unit, String category, String district, String channel,
            List<Measure> measures, Map<Timing, Long> minutes) {
        Map<String, Long> f = days.computeIfAbsent(day.toString(), d -> new HashMap<>());
        List<String> dims = CounterKeys.dims(unit, category, district, channel);
        for (Measure m : measures) {
            dims.forEach(d -> f.merge(m.name() + "|" + d, 1L, Long::sum));
        }
        minutes.forEach((t, v) -> dims.forEach(d -> f.merge("h:" + t.name() + ":" + CounterKeys.bucket(v) + "|" + d,
                1L, Long::sum)));
    }

    public void flush() {
        try (var p = redis.jedis().pipelined()) {
            days.forEach((day, fields) -> {
                fields.forEach((k, v) -> p.hincrBy(redis.key(CounterKeys.day(day)), k, v));
                p.sadd(redis.key(CounterKeys.DAYS), day);
            });
            p.sync();
        }
        days.clear();
    }
}
