package com.teahouse.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.store.RedisStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Makes the reports counters again from the event logs: every event that counted something carries its
 * {@code rep} (see {@link CaseTally}), so summing them over every case's log gives what the scripts added one
 * change at a time. The old counters are deleted first; changes made while it runs may be counted twice or not at
 * all, so run it with the hotline stopped ({@code java -jar teahouse.jar reports rebuild}). Cases opened before the
 * counters existed have no {@code rep} in their events and are not counted.
 */
@Component
class CounterRebuild {

    private static final Logger log = LoggerFactory.getLogger(CounterRebuild.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisStore redis;

    CounterRebuild(RedisStore redis) {
        this.redis = redis;
    }

    @SuppressWarnings("unchecked")
    long run() {
        Map<String, Map<String, Long>> days = new HashMap<>();
        Map<String, Set<String>> behind = new HashMap<>();
        long cases = 0;
        int page = 1000;
        for (long start = 0;; start += page) {
            List<String> numbers = redis.jedis().zrange(redis.key("cases:all"), start, start + page - 1);
            for (String t : numbers) {
                cases++;
                for (StreamEntry e : redis.jedis().xrange(redis.key("case:" + t + ":events"), (StreamEntryID) null,
                        (StreamEntryID) null)) {
                    String rep = e.getFields().get("rep");
                    if (rep != null && !rep.isEmpty()) {
                        add(t, read(rep), days, behind);
                    }
                }
            }
            if (numbers.size() < page) {
                break;
            }
        }
        write(days, behind);
        log.info("rebuilt the reports counters from the event logs of {} cases ({} days)", cases, days.size());
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String rep) {
        try {
            return JSON.readValue(rep, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an event's rep is not JSON", e);
        }
    }

    /** The same additions as the block {@code [reports counters]} of transition.lua and open.lua. */
    @SuppressWarnings("unchecked")
    private static void add(String t, Map<String, Object> r, Map<String, Map<String, Long>> days,
            Map<String, Set<String>> behind) {
        String day = (String) r.get("day");
        Map<String, Long> fields = days.computeIfAbsent(day, d -> new HashMap<>());
        List<String> dims = (List<String>) r.get("dims");
        for (String m : list(r.get("inc"))) {
            dims.forEach(d -> fields.merge(m + "|" + d, 1L, Long::sum));
            behind.computeIfAbsent(CounterKeys.cases(day, m), k -> new HashSet<>()).add(r.get("unit") + "|" + t);
        }
        if (r.get("hist") instanceof Map<?, ?> hist) {
            hist.forEach((k, b) -> dims.forEach(d -> fields.merge("h:" + k + ":" + ((Number) b).intValue() + "|" + d,
                    1L, Long::sum)));
        }
    }

    /** cjson writes an empty list as {}. */
    @SuppressWarnings("unchecked")
    private static List<String> list(Object o) {
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }

    private void write(Map<String, Map<String, Long>> days, Map<String, Set<String>> behind) {
        Set<String> old = redis.jedis().smembers(redis.key(CounterKeys.DAYS));
        try (var p = redis.jedis().pipelined()) {
            for (String day : old) {
                p.del(redis.key(CounterKeys.day(day)));
                for (Measure m : Measure.values()) {
                    p.del(redis.key(CounterKeys.cases(day, m.name())));
                }
            }
            for (String day : old) {
                p.del(redis.key(CounterKeys.month(day)));
            }
            p.del(redis.key(CounterKeys.DAYS));
            Map<String, Map<String, Long>> months = new HashMap<>();
            days.forEach((day, fields) -> {
                Map<String, String> values = new HashMap<>();
                fields.forEach((f, n) -> values.put(f, Long.toString(n)));
                if (!values.isEmpty()) {
                    p.hset(redis.key(CounterKeys.day(day)), values);
                }
                p.sadd(redis.key(CounterKeys.DAYS), day);
                Map<String, Long> month = months.computeIfAbsent(CounterKeys.month(day), m -> new HashMap<>());
                fields.forEach((f, n) -> month.merge(f, n, Long::sum));
            });
            months.forEach((key, fields) -> {
                Map<String, String> values = new HashMap<>();
                fields.forEach((f, n) -> values.put(f, Long.toString(n)));
                if (!values.isEmpty()) {
                    p.hset(redis.key(key), values);
                }
            });
            behind.forEach((key, members) -> members.forEach(m -> p.zadd(redis.key(key), 0, m)));
            p.sync();
        }
    }
}
