package com.teahouse.reports.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Day;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Slice;
import com.teahouse.cases.CaseCounters.Timing;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A period's counters added up per slice: what {@link CounterFigures} computes the rates and times from. */
final class Totals {

    private final Map<Slice, Map<Measure, Long>> counts = new HashMap<>();
    private final Map<Slice, Map<Timing, long[]>> hist = new HashMap<>();

    static Totals of(List<Day> days) {
        Totals t = new Totals();
        days.forEach(t::add);
        return t;
    }

    void add(Day day) {
        day.counts().forEach((slice, m) -> {
            Map<Measure, Long> into = counts.computeIfAbsent(slice, s -> new EnumMap<>(Measure.class));
            m.forEach((k, v) -> into.merge(k, v, Long::sum));
        });
        day.histograms().forEach((slice, m) -> {
            Map<Timing, long[]> into = hist.computeIfAbsent(slice, s -> new EnumMap<>(Timing.class));
            m.forEach((k, v) -> {
                long[] sum = into.computeIfAbsent(k, x -> new long[CaseCounters.BUCKETS.length + 1]);
                for (int i = 0; i < v.length && i < sum.length; i++) {
                    sum[i] += v[i];
                }
            });
        });
    }

    long get(Slice slice, Measure m) {
        return counts.getOrDefault(slice, Map.of()).getOrDefault(m, 0L);
    }

    long[] hist(Slice slice, Timing t) {
        return hist.getOrDefault(slice, Map.of()).getOrDefault(t, new long[CaseCounters.BUCKETS.length + 1]);
    }

    Set<Slice> slices() {
        return counts.keySet();
    }

    /** n / d, or null when d is 0. */
    static Double rate(long n, long d) {
        return d == 0 ? null : Math.round((double) n / d * 10000) / 10000.0;
    }

    Double onTimeReplyRate(Slice s) {
        return rate(get(s, Measure.REPLIED_ON_TIME), get(s, Measure.REPLIED));
    }

    long rated(Slice s) {
        return get(s, Measure.SATISFIED) + get(s, Measure.BASICALLY_SATISFIED) + get(s, Measure.UNSATISFIED);
    }

    Double satisfactionRate(Slice s) {
        return rate(get(s, Measure.SATISFIED) + get(s, Measure.BASICALLY_SATISFIED), rated(s));
    }
}
