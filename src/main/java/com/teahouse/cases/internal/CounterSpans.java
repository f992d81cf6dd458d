package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters.Day;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Slice;
import com.teahouse.store.RedisStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * Reads a period's counters in as few hashes as they are kept: a month's rollup ({@code reports:month:<YYYY-MM>})
 * stands for the month when every day of it that has counters lies in the period (a day without counters adds
 * nothing), the day hashes stand for the rest. A month of a million cases is then one hash of a few ten thousand
 * fields instead of thirty of them. Layout: {@link CounterKeys}.
 */
@Component
class CounterSpans {

    private final RedisStore redis;

    CounterSpans(RedisStore redis) {
        this.redis = redis;
    }

    /** Pieces (months and days) whose counts add up to the days from {@code from} to {@code to}. */
    List<Day> spans(LocalDate from, LocalDate to) {
        Set<String> counted = redis.jedis().smembers(redis.key(CounterKeys.DAYS));
        Map<YearMonth, List<LocalDate>> byMonth = new TreeMap<>();
        for (String d : counted) {
            LocalDate day = LocalDate.parse(d);
            byMonth.computeIfAbsent(YearMonth.from(day), m -> new ArrayList<>()).add(day);
        }
        List<LocalDate> labels = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            List<LocalDate> days = byMonth.getOrDefault(m, List.of());
            boolean whole = days.stream().noneMatch(d -> d.isBefore(from) || d.isAfter(to));
            if (whole && !days.isEmpty()) {
                labels.add(m.atDay(1));
                keys.add(CounterKeys.month(m.atDay(1).toString()));
            } else {
                for (LocalDate d : days) {
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        labels.add(d);
                        keys.add(CounterKeys.day(d.toString()));
                    }
                }
            }
        }
        List<Response<Map<String, String>>> raw = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            keys.forEach(k -> raw.add(p.hgetAll(redis.key(k))));
            p.sync();
        }
        List<Day> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(RedisCaseCounters.parse(labels.get(i), raw.get(i).get()));
        }
        return out;
    }

    /** One slice's counts (no histograms) on each day from {@code from} to {@code to}, in order. */
    List<Day> days(LocalDate from, LocalDate to, Slice slice) {
        Measure[] measures = Measure.values();
        String dim = CounterKeys.dim(slice);
        String[] fields = new String[measures.length];
        for (int i = 0; i < measures.length; i++) {
            fields[i] = measures[i].name() + "|" + dim;
        }
        List<LocalDate> days = new ArrayList<>();
        List<Response<List<String>>> raw = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
                raw.add(p.hmget(redis.key(CounterKeys.day(d.toString())), fields));
            }
            p.sync();
        }
        List<Day> out = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            Map<Measure, Long> counts = new EnumMap<>(Measure.class);
            List<String> values = raw.get(i).get();
            for (int j = 0; j < measures.length; j++) {
                if (values.get(j) != null) {
                    counts.put(measures[j], Long.parseLong(values.get(j)));
                }
            }
            Map<Slice, Map<Measure, Long>> bySlice = new HashMap<>();
            if (!counts.isEmpty()) {
                bySlice.put(slice, counts);
            }
            out.add(new Day(days.get(i), bySlice, Map.of()));
        }
        return out;
    }
}
