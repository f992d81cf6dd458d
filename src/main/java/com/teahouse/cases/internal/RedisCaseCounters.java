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
 * the queue "now" ({@link QueueNow}) and the cases behind them from the case indexes ({@code cases:open}, its unit
 * views, {@code cases:due}, {@code cases:supervised}, {@code cases:all} for the opening times).
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

    RedisCaseCounters(RedisStore redis, WorkCalendar calendar, Catalogue catalogue, Clock clock,
            CounterRebuild rebuild, CounterSpans spans, QueueNow queue) {
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
        String view = unit == null ? "cases:open" : "cases:open:unit:" + unit;
        List<String> open = redis.jedis().zrange(redis.key(view), 0, -1);
        if (open.isEmpty()) {
            return List.of();
        }
        String[] members = open.toArray(String[]::new);
        List<String> out = new ArrayList<>();
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        List<Double> due = redis.jedis().zmscore(redis.key("cases:due"), members);
        List<Boolean> sup = redis.jedis().smismember(redis.key("cases:supervised"), members);
        List<Double> opened = redis.jedis().zmscore(redis.key("cases:all"), members);
        for (int i = 0; i < members.length && out.size() < limit; i++) {
            boolean take = switch (which) {
                case "open" -> true;
                case "overdue" -> due.get(i) != null && due.get(i) < now;
                case "supervised" -> Boolean.TRUE.equals(sup.get(i));
                default -> which.startsWith("age") && opened.get(i) != null
                        && which.equals("age" + ageBucket(calendar.workingDaysBetween(java.time.Instant
                                .ofEpochMilli(opened.get(i).longValue()).atZone(calendar.zone()).toLocalDate(), today)));
            };
            if (take) {
                out.add(members[i]);
            }
        }
        return out;
    }

    @Override
    public long rebuild() {
        return rebuild.run();
    }
}
