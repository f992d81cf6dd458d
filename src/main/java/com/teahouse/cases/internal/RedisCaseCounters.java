package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * Reads the per-day counters (one HGETALL per day, pipelined; a period's sums through {@link CounterSpans}) and
 * the queue "now" ({@link QueueNow}) and the cases behind them from the views of the open cases that the scripts
 * keep ({@link NowViews}).
 * Layout: {@link CounterKeys}.
 */
@Component
class RedisCaseCounters implements CaseCounters {

    private final RedisStore redis;
    private final WorkCalendar calendar;
    private final Catalogue catalogue;
    private final Clock clock;
    private final CounterRebuild rebuild;
    private final CounterSpans spans;
    private final QueueNow queue;
    private final NowViews views;

    RedisCaseCounters(RedisStore redis, WorkCalendar calendar, Catalogue catalogue, Clock clock,
            CounterRebuild rebuild, CounterSpans spans, QueueNow queue, NowViews views) {
        this.views = views;
        this.redis = redis;
        this.spans = spans;
        this.queue = queue;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.clock = clock;
        this.rebuild = rebuild;
    }

    @Override
    public List<Day> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        List<Response<Map<String, String>>> raw = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (LocalDate d : days) {
                raw.add(p.hgetAll(redis.key(CounterKeys.day(d.toString()))));
            }
            p.sync();
        }
        List<Day> out = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            out.add(parse(days.get(i), raw.get(i).get()));
        }
        return out;
    }

    /** What a field name means, parsed once: the same few thousand names come back every day. */
    private record Field(Slice slice, Measure measure, Timing timing, int bucket) {
    }

    private static final Map<String, Field> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 200_000;

    private static Field field(String name) {
        Field f = FIELDS.get(name);
        if (f != null) {
            return f;
        }
        int bar = name.indexOf('|');
        if (bar < 0) {
            return null;
        }
        Slice slice = CounterKeys.slice(name.substring(bar + 1));
        String what = name.substring(0, bar);
        if (what.startsWith("h:")) {
            String[] parts = what.split(":");
            f = new Field(slice, null, Timing.valueOf(parts[1]), Integer.parseInt(parts[2]));
        } else {
            f = new Field(slice, Measure.valueOf(what), null, 0);
        }
        if (FIELDS.size() < MAX_CACHED) {
            FIELDS.put(name, f);
        }
        return f;
    }

    static Day parse(LocalDate day, Map<String, String> fields) {
        Map<Slice, Map<Measure, Long>> counts = new HashMap<>();
        Map<Slice, Map<Timing, long[]>> hist = new HashMap<>();
        fields.forEach((name, value) -> {
            Field f = field(name);
            if (f == null) {
                return;
            }
            long n = Long.parseLong(value);
            if (f.timing() != null) {
                hist.computeIfAbsent(f.slice(), s -> new EnumMap<>(Timing.class))
                        .computeIfAbsent(f.timing(), x -> new long[CaseTally.buckets()])[f.bucket()] += n;
            } else {
                counts.computeIfAbsent(f.slice(), s -> new EnumMap<>(Measure.class)).merge(f.measure(), n, Long::sum);
            }
        });
        return new Day(day, counts, hist);
    }

    @Override
    public List<Day> spans(LocalDate from, LocalDate to) {
        return spans.spans(from, to);
    }

    @Override
    public List<Day> days(LocalDate from, LocalDate to, Slice slice) {
        return spans.days(from, to, slice);
    }

    @Override
    public Now now(String unit) {
        return queue.of(java.util.Collections.singletonList(unit)).get(unit);
    }

    static int ageBucket(int days) {
        return QueueNow.ageBucket(days);
    }

    @Override
    public Map<String, Now> nowByUnit() {
        return queue.of(catalogue.unitIds());
    }

    @Override
    public Map<String, Now> now(List<String> units) {
        return queue.of(units);
    }

    @Override
    public List<String> casesBehind(LocalDate from, LocalDate to, Measure measure, String unit, int limit) {
        List<String> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to) && out.size() < limit; d = d.plusDays(1)) {
            String key = redis.key(CounterKeys.cases(d.toString(), measure.name()));
            List<String> members = unit == null ? redis.jedis().zrange(key, 0, limit - out.size() - 1)
                    : redis.jedis().zrangeByLex(key, "[" + unit + "|", "[" + unit + "|\uffff", 0,
                            limit - out.size());
            for (String m : members) {
                out.add(m.substring(m.indexOf('|') + 1));
            }
        }
        return out;
    }

    @Override
    public List<String> casesNow(String which, String unit, int limit) {
        var jedis = redis.jedis();
        if (which.equals("supervised")) {
            return jedis.smembers(redis.key(QueueNow.supervised(unit))).stream().sorted().limit(limit).toList();
        }
        if (which.equals("overdue")) {
            return jedis.zrangeByScore(redis.key(QueueNow.due(unit)), "-inf", "(" + clock.millis(), 0, limit);
        }
        if (which.startsWith("age") && which.length() == 4 && which.charAt(3) >= '0' && which.charAt(3) <= '3') {
            int b = which.charAt(3) - '0';
            long[] starts = queue.ageStarts();
            String min = b == 3 ? "-inf" : Long.toString(starts[b]);
            String max = b == 0 ? "+inf" : "(" + starts[b - 1];
            return jedis.zrangeByScore(redis.key(QueueNow.opened(unit)), min, max, 0, limit);
        }
        return which.equals("open") ? jedis.zrange(redis.key(QueueNow.view(unit)), 0, limit - 1) : List.of();
    }

    @Override
    public long rebuild() {
        long cases = rebuild.run();
        views.rebuild();
        return cases;
    }
}
