package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Dimension;
import com.teahouse.cases.CaseCounters.Slice;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the reports counters in Redis, shared by the Lua scripts (which only concatenate what
 * {@link CaseTally} hands them), {@link RedisCaseCounters} and {@link CounterRebuild}:
 * <ul>
 * <li>{@code reports:day:<YYYY-MM-DD>}: a hash per day; field {@code <MEASURE>|<slice>} counts a measure,
 * {@code h:<TIMING>:<bucket>|<slice>} a histogram bucket; slice {@code *} (every case), {@code u:<unit>},
 * {@code c:<category>}, {@code d:<district>}, {@code ch:<channel>}, and the last three within the case's unit
 * as {@code u:<unit>/c:<category>} …;</li>
 * <li>{@code reports:month:<YYYY-MM>}: the month's rollup, the same fields summed over its days (written by the
 * same scripts and the rebuild), so a month is read as one hash instead of thirty;</li>
 * <li>{@code reports:cases:<day>:<MEASURE>}: the cases behind a measure, members {@code <unit>|<tracking>};</li>
 * <li>{@code reports:days}: the days that have counters.</li>
 * </ul>
 */
final class CounterKeys {

    private CounterKeys() {
    }

    static List<String> dims(String unit, String category, String district, String channel) {
        List<String> dims = new ArrayList<>();
        dims.add("*");
        add(dims, "u:", unit);
        add(dims, "c:", category);
        add(dims, "d:", district);
        add(dims, "ch:", channel);
        if (unit != null && !unit.isBlank()) {
            // the same slices within the unit: u:<unit>/c:<category> …
            for (String d : List.copyOf(dims.subList(2, dims.size()))) {
                dims.add("u:" + unit + "/" + d);
            }
        }
        return dims;
    }

    private static void add(List<String> dims, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            // a free-text district is cut short so that one case cannot make a huge field
            dims.add(prefix + (value.length() > 40 ? value.substring(0, 40) : value));
        }
    }

    static Slice slice(String dim) {
        if (dim.equals("*")) {
            return Slice.ALL;
        }
        String within = null;
        int slash = dim.indexOf('/');
        if (dim.startsWith("u:") && slash > 0) {
            within = dim.substring(2, slash);
            dim = dim.substring(slash + 1);
        }
        int colon = dim.indexOf(':');
        String key = dim.substring(colon + 1);
        return switch (dim.substring(0, colon)) {
            case "u" -> new Slice(Dimension.UNIT, key, within);
            case "c" -> new Slice(Dimension.CATEGORY, key, within);
            case "d" -> new Slice(Dimension.DISTRICT, key, within);
            default -> new Slice(Dimension.CHANNEL, key, within);
        };
    }

    static int bucket(long minutes) {
        for (int i = 0; i < CaseCounters.BUCKETS.length; i++) {
            if (minutes <= CaseCounters.BUCKETS[i]) {
                return i;
            }
        }
        return CaseCounters.BUCKETS.length;
    }

    static String day(String day) {
        return "reports:day:" + day;
    }

    /** The rollup of the month of {@code day} (YYYY-MM-DD). */
    static String month(String day) {
        return "reports:month:" + day.substring(0, 7);
    }

    /** The field suffix of a slice: the inverse of {@link #slice}. */
    static String dim(Slice s) {
        if (s.dimension() == Dimension.ALL) {
            return "*";
        }
        String prefix = switch (s.dimension()) {
            case UNIT -> "u:";
            case CATEGORY -> "c:";
            case DISTRICT -> "d:";
            default -> "ch:";
        };
        return (s.within() == null ? "" : "u:" + s.within() + "/") + prefix + s.key();
    }

    static String cases(String day, String measure) {
        return "reports:cases:" + day + ":" + measure;
    }

    static final String DAYS = "reports:days";
}
