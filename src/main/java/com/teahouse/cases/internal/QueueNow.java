package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters.Now;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * The queue "now" of several views at once, counted by Redis without reading a single case: the scripts keep,
 * per unit and for every unit, the open cases ({@code cases:open[:unit:<u>]}), the same by current deadline
 * ({@code cases:due[:unit:<u>]}) and by opening time ({@code cases:opened[:unit:<u>]}), and those under
 * supervision ({@code cases:supervised:open[:unit:<u>]}). Overdue is a ZCOUNT below now; the ageing buckets are
 * ZCOUNTs between the starts of the days where the working days since opening cross 1, 5 and 10 (worked out here
 * from the calendar). One pipelined round for every unit, whatever the size of the backlog.
 */
@Component
class QueueNow {

    private final RedisStore redis;
    private final WorkCalendar calendar;
    private final Clock clock;

    QueueNow(RedisStore redis, WorkCalendar calendar, Clock clock) {
        this.redis = redis;
        this.calendar = calendar;
        this.clock = clock;
    }

    static String view(String unit) {
        return unit == null ? "cases:open" : "cases:open:unit:" + unit;
    }

    static String due(String unit) {
        return unit == null ? "cases:due" : "cases:due:unit:" + unit;
    }

    static String opened(String unit) {
        return unit == null ? "cases:opened" : "cases:opened:unit:" + unit;
    }

    static String supervised(String unit) {
        return unit == null ? "cases:supervised:open" : "cases:supervised:open:unit:" + unit;
    }

    /** {@link Now} per unit (null: every unit), in the order asked. */
    Map<String, Now> of(List<String> units) {
        long now = clock.millis();
        long[] starts = ageStarts();
        String below = "(" + now;
        List<List<Response<Long>>> counts = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (String u : units) {
                String opened = redis.key(opened(u));
                counts.add(List.of(p.zcard(redis.key(view(u))), p.zcount(redis.key(due(u)), "-inf", below),
                        p.scard(redis.key(supervised(u))),
                        p.zcount(opened, Long.toString(starts[0]), "+inf"),
                        p.zcount(opened, Long.toString(starts[1]), "(" + starts[0]),
                        p.zcount(opened, Long.toString(starts[2]), "(" + starts[1]),
                        p.zcount(opened, "-inf", "(" + starts[2])));
            }
            p.sync();
        }
        Map<String, Now> out = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            List<Response<Long>> c = counts.get(i);
            out.put(units.get(i), new Now(c.get(0).get(), c.get(1).get(), c.get(2).get(),
                    new long[] {c.get(3).get(), c.get(4).get(), c.get(5).get(), c.get(6).get()}));
        }
        return out;
    }

    /**
     * The opening-time bounds (epoch ms) of the ageing buckets: a case opened at or after {@code [0]} is in
     * bucket 0 (0–1 working days), from {@code [1]} in bucket 1 (2–5), from {@code [2]} in bucket 2 (6–10), and
     * before {@code [2]} in bucket 3. Each is the start of the earliest day whose working days to today are still
     * within the bucket (the count only grows going back, so walking back from today finds them).
     */
    long[] ageStarts() {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        int[] limits = {1, 5, 10};
        long[] starts = new long[3];
        LocalDate day = today;
        int b = 0;
        // a year back is far beyond any calendar's 10 working days; it bounds the walk on a broken calendar
        for (int back = 0; back < 366 && b < 3; back++) {
            LocalDate earlier = day.minusDays(1);
            while (b < 3 && calendar.workingDaysBetween(earlier, today) > limits[b]) {
                starts[b++] = day.atStartOfDay(calendar.zone()).toInstant().toEpochMilli();
            }
            day = earlier;
        }
        for (; b < 3; b++) {
            starts[b] = day.atStartOfDay(calendar.zone()).toInstant().toEpochMilli();
        }
        return starts;
    }

    /** 0–1, 2–5, 6–10, over 10 working days. */
    static int ageBucket(int days) {
        return days <= 1 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : 3;
    }
}
