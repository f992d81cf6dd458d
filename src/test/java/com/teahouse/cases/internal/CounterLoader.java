package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Timing;
import com.teahouse.store.RedisStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For benchmarks: adds many cases' counts straight into the day hashes, with the same layout as the Lua block
 * ({@link CounterKeys#dims}), without the cases themselves or the lists of cases behind each figure. Counts are
 * kept in arrays per day and slice (the 8 slices of a case: all, unit, category, district, channel, and the last
 * three within the unit) and written with one HSET per day.
 */
public final class CounterLoader {

    private static final int SLICES = 8;
    private final RedisStore redis;
    private final LocalDate first;
    private final String[] units;
    private final String[] categories;
    private final String[] districts;
    private final String[] channels;
    private final Map<String, Integer> sliceIndex = new HashMap<>();
    private final String[] sliceNames;
    private final long[][][] counts; // day, measure, slice index
    private final long[][][][] hist; // day, timing, bucket, slice index
    private final int[][][][][] slicesOf; // u, c, d, ch → the 8 slice indexes

    public CounterLoader(RedisStore redis, LocalDate first, int days, String[] units, String[] categories,
            String[] districts, String[] channels) {
        this.redis = redis;
        this.first = first;
        this.units = units;
        this.categories = categories;
        this.districts = districts;
        this.channels = channels;
        slicesOf = new int[units.length][categories.length][districts.length][channels.length][];
        for (int u = 0; u < units.length; u++) {
            for (int c = 0; c < categories.length; c++) {
                for (int d = 0; d < districts.length; d++) {
                    for (int ch = 0; ch < channels.length; ch++) {
                        List<String> dims = CounterKeys.dims(units[u], categories[c], districts[d], channels[ch]);
                        int[] idx = new int[SLICES];
                        for (int i = 0; i < SLICES; i++) {
                            idx[i] = sliceIndex.computeIfAbsent(dims.get(i), k -> sliceIndex.size());
                        }
                        slicesOf[u][c][d][ch] = idx;
                    }
                }
            }
        }
        sliceNames = new String[sliceIndex.size()];
        sliceIndex.forEach((k, v) -> sliceNames[v] = k);
        counts = new long[days][Measure.values().length][sliceNames.length];
        hist = new long[days][Timing.values().length][CaseCounters.BUCKETS.length + 1][sliceNames.length];
    }

    /** One event of a case on a day (index from the first day): its measures, and a timed duration or null. */
    public void add(int day, int u, int c, int d, int ch, Measure[] measures, Timing timing, long minutes) {
        if (day >= counts.length) {
            return;
        }
        int[] idx = slicesOf[u][c][d][ch];
        for (Measure m : measures) {
            long[] row = counts[day][m.ordinal()];
            for (int i : idx) {
                row[i]++;
            }
        }
        if (timing != null) {
            long[] row = hist[day][timing.ordinal()][CounterKeys.bucket(minutes)];
            for (int i : idx) {
                row[i]++;
            }
        }
    }

    public void flush() {
        Measure[] measures = Measure.values();
        Timing[] timings = Timing.values();
        Map<String, Map<String, Long>> months = new java.util.TreeMap<>();
        for (int day = 0; day < counts.length; day++) {
            Map<String, String> fields = new HashMap<>();
            for (Measure m : measures) {
                long[] row = counts[day][m.ordinal()];
                for (int i = 0; i < row.length; i++) {
                    if (row[i] > 0) {
                        fields.put(m.name() + "|" + sliceNames[i], Long.toString(row[i]));
                    }
                }
            }
            for (Timing t : timings) {
                for (int b = 0; b <= CaseCounters.BUCKETS.length; b++) {
                    long[] row = hist[day][t.ordinal()][b];
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] > 0) {
                            fields.put("h:" + t.name() + ":" + b + "|" + sliceNames[i], Long.toString(row[i]));
                        }
                    }
                }
            }
            if (!fields.isEmpty()) {
                String date = first.plusDays(day).toString();
                redis.jedis().hset(redis.key(CounterKeys.day(date)), fields);
                redis.jedis().sadd(redis.key(CounterKeys.DAYS), date);
                Map<String, Long> month = months.computeIfAbsent(CounterKeys.month(date), m -> new HashMap<>());
                fields.forEach((f, n) -> month.merge(f, Long.parseLong(n), Long::sum));
            }
        }
        // the months' rollups, as the scripts keep them
        months.forEach((key, sums) -> {
            Map<String, String> fields = new HashMap<>();
            sums.forEach((f, n) -> fields.put(f, Long.toString(n)));
            redis.jedis().hset(redis.key(key), fields);
        });
    }
}
