package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Timing;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Measures what a case change counts for the reports (issue 11) and hands it to the Lua script as the change's
 * {@code rep}: the Asia/Shanghai day, the slices (every case, unit, category, district, channel, as the case stands
 * before the change), the measures and the working-time buckets. The script adds them to the day's counters in
 * the same atomic step as the change and keeps them in the change's event, which is what a rebuild reads.
 *
 * <p>Rules: a claim of a dispatched case is timed from the start of its claim window ({@code claimFrom}: the last
 * dispatch, transfer or re-route) and is on time by {@code claimDue}; a reply is on time by the reply deadline in
 * force, and "on time thanks to an extension" when it came after the deadline set before the first extension
 * ({@code replyDueFirst}); reply time runs from the opening or the last reopening; close time from the opening.
 */
@Component
class CaseTally {

    private static final Set<String> COUNTED = Set.of("dispatch", "transfer", "reroute", "claim", "resolve",
            "extend", "rate", "not-solved", "reopen", "close", "decline");
    private static final String[] FIELDS = {"state", "unit", "category", "location", "ownerChannel", "openedAt",
        "claimFrom", "claimDue", "replyDue", "replyDueFirst", "reopenedAt"};

    private final RedisStore redis;
    private final WorkCalendar calendar;

    CaseTally(RedisStore redis, WorkCalendar calendar) {
        this.redis = redis;
        this.calendar = calendar;
    }

    /** The rep for a case just opened (open.lua). */
    Map<String, Object> opened(Map<String, String> fields, Instant at) {
        return rep(fields, at, List.of(Measure.OPENED), Map.of());
    }

    /** Adds to {@code change} what it counts, and the fields the later measures need. */
    void measure(String t, CaseChange change) {
        String type = change.event.get("type");
        if (type == null || !COUNTED.contains(type)) {
            return; // notes, messages, reminders, supervision: nothing to count, no extra read
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(change.event.get("at")));
        Map<String, String> h = read(t);
        if (h.get("state") == null) {
            return;
        }
        List<Measure> inc = new ArrayList<>();
        Map<Timing, Long> minutes = new LinkedHashMap<>();
        switch (type) {
            case "dispatch", "transfer", "reroute" -> change.set("claimFrom", at);
            case "claim" -> {
                inc.add(Measure.CLAIMED);
                if ("dispatched".equals(h.get("state"))) {
                    inc.add(Measure.CLAIMS_TIMED);
                    Instant from = instant(h.getOrDefault("claimFrom", h.get("openedAt")));
                    minutes.put(Timing.CLAIM, calendar.workingMinutes(from, at));
                    Instant due = instant(h.get("claimDue"));
                    if (due != null && !at.isAfter(due)) {
                        inc.add(Measure.CLAIMED_ON_TIME);
                    }
                }
            }
            case "resolve" -> {
                inc.add(Measure.REPLIED);
                Instant due = instant(h.get("replyDue"));
                Instant first = instant(h.get("replyDueFirst"));
                if (due != null && !at.isAfter(due)) {
                    inc.add(Measure.REPLIED_ON_TIME);
                    if (first != null && at.isAfter(first)) {
                        inc.add(Measure.REPLIED_ON_TIME_EXTENDED);
                    }
                }
                Instant from = instant(h.getOrDefault("reopenedAt", h.get("openedAt")));
                minutes.put(Timing.REPLY, calendar.workingMinutes(from, at));
            }
            case "extend" -> {
                if (!h.containsKey("replyDueFirst") && h.get("replyDue") != null) {
                    change.set("replyDueFirst", h.get("replyDue"));
                }
            }
            case "rate", "not-solved", "reopen" -> {
                if ("closed".equals(change.to)) {
                    Rating r = Rating.valueOf(change.set.get("rating"));
                    inc.add(r == Rating.SATISFIED ? Measure.SATISFIED : Measure.BASICALLY_SATISFIED);
                    closed(h, at, inc, minutes);
                } else {
                    if ("rate".equals(type)) {
                        inc.add(Measure.UNSATISFIED);
                    }
                    inc.add(Measure.REOPENED);
                    change.set("reopenedAt", at);
                    change.clear("replyDueFirst");
                }
            }
            case "close" -> closed(h, at, inc, minutes);
            case "decline" -> inc.add(Measure.DECLINED);
            default -> {
            }
        }
        if (!inc.isEmpty()) {
            change.rep = rep(h, at, inc, minutes);
        }
    }

    /** The fields the measures need (never the personal ones), in one HMGET (a bench loader reads its own copy). */
    Map<String, String> read(String t) {
        List<String> values = redis.jedis().hmget(redis.key("case:" + t), FIELDS);
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < FIELDS.length; i++) {
            if (values.get(i) != null) {
                h.put(FIELDS[i], values.get(i));
            }
        }
        return h;
    }

    private void closed(Map<String, String> h, Instant at, List<Measure> inc, Map<Timing, Long> minutes) {
        inc.add(Measure.CLOSED);
        minutes.put(Timing.CLOSE, calendar.workingMinutes(instant(h.get("openedAt")), at));
    }

    private Map<String, Object> rep(Map<String, String> h, Instant at, List<Measure> inc, Map<Timing, Long> mins) {
        Map<String, Object> rep = new LinkedHashMap<>();
        LocalDate day = at.atZone(calendar.zone()).toLocalDate();
        rep.put("day", day.toString());
        rep.put("unit", orEmpty(h.get("unit")));
        rep.put("dims", CounterKeys.dims(h.get("unit"), h.get("category"), h.get("location"), h.get("ownerChannel")));
        rep.put("inc", inc.stream().map(Enum::name).toList());
        Map<String, Object> hist = new LinkedHashMap<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        mins.forEach((k, v) -> {
            hist.put(k.name(), CounterKeys.bucket(v));
            raw.put(k.name(), v);
        });
        rep.put("hist", hist);
        rep.put("mins", raw);
        return rep;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Instant instant(String ms) {
        return ms == null || ms.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(ms));
    }

    static int buckets() {
        return CaseCounters.BUCKETS.length + 1;
    }
}
