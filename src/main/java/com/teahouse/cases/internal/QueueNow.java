package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters.Now;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * The queue "now" of several views at once ({@code cases:open} or its unit views): the views are read in one
 * pipeline, and the opening time, deadline and supervision of each case in any of them are looked up once
 * ({@code cases:all}, {@code cases:due}, {@code cases:supervised}), so every unit costs two round trips, not
 * four per unit.
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

    /** {@link Now} per unit (null: every unit), in the order asked. */
    Map<String, Now> of(List<String> units) {
        List<Response<List<String>>> views = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            units.forEach(u -> views.add(p.zrange(redis.key(view(u)), 0, -1)));
            p.sync();
        }
        Set<String> all = new LinkedHashSet<>();
        views.forEach(v -> all.addAll(v.get()));
        Map<String, long[]> facts = facts(all);
        Map<String, Now> out = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            List<String> members = views.get(i).get();
            long[] ageing = new long[4];
            long overdue = 0;
            long supervised = 0;
            for (String m : members) {
                long[] f = facts.get(m);
                overdue += f[0];
                supervised += f[1];
                if (f[2] >= 0) {
                    ageing[(int) f[2]]++;
                }
            }
            out.put(units.get(i), new Now(members.size(), overdue, supervised, ageing));
        }
        return out;
    }

    /** Per case: overdue (0/1), supervised (0/1), age bucket (-1 when its opening time is unknown). */
    private Map<String, long[]> facts(Set<String> cases) {
        Map<String, long[]> out = new HashMap<>();
        if (cases.isEmpty()) {
            return out;
        }
        String[] members = cases.toArray(String[]::new);
        Response<List<Double>> opened;
        Response<List<Double>> due;
        Response<List<Boolean>> sup;
        try (var p = redis.jedis().pipelined()) {
            opened = p.zmscore(redis.key("cases:all"), members);
            due = p.zmscore(redis.key("cases:due"), members);
            sup = p.smismember(redis.key("cases:supervised"), members);
            p.sync();
        }
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        Map<LocalDate, Integer> ages = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            Double d = due.get().get(i);
            Double o = opened.get().get(i);
            long age = -1;
            if (o != null) {
                LocalDate day = Instant.ofEpochMilli(o.longValue()).atZone(calendar.zone()).toLocalDate();
                age = ageBucket(ages.computeIfAbsent(day, x -> calendar.workingDaysBetween(x, today)));
            }
            out.put(members[i], new long[] {d != null && d < now ? 1 : 0,
                    Boolean.TRUE.equals(sup.get().get(i)) ? 1 : 0, age});
        }
        return out;
    }

    /** 0–1, 2–5, 6–10, over 10 working days. */
    static int ageBucket(int days) {
        return days <= 1 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : 3;
    }
}
