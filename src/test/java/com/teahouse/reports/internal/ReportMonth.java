package com.teahouse.reports.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A scripted November 2026 (no holidays; office 08:30–17:30 Asia/Shanghai) through the real case API, with the
 * clock moved by hand. Cases A–J; what each does is in {@link #play}, and {@link ReportsMonthIT} counts the
 * figures by hand from it.
 */
final class ReportMonth {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor STAFF = new Actor("web:clerk", "Clerk");
    static final Actor BOSS = new Actor("web:boss", "Boss");

    final Map<String, String> numbers = new LinkedHashMap<>();
    private final Map<String, Address> owners = new LinkedHashMap<>();
    private final CaseDesk desk;
    private final CaseWork work;
    private final MutableClock clock;

    ReportMonth(CaseDesk desk, CaseWork work, MutableClock clock) {
        this.desk = desk;
        this.work = work;
        this.clock = clock;
    }

    private void at(int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant());
    }

    private void at(int day, int hour, int minute) {
        at(11, day, hour, minute);
    }

    private void open(String name, String category, String district, String channel) {
        Address owner = Address.of(channel, "owner-" + name + "-" + UUID.randomUUID());
        owners.put(name, owner);
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), owner, "zh", CaseRequest.Kind.COMPLAINT,
                category, "问题描述", List.of(), district, "某公司", null, "某人", "13800000000", false, List.of()))
                .trackingNumber();
        numbers.put(name, t);
    }

    private String n(String name) {
        return numbers.get(name);
    }

    private void claim(String name) {
        must(work.claim(n(name), STAFF, null));
    }

    private void resolve(String name) {
        must(work.resolve(n(name), STAFF, "已处理", null));
    }

    private void rate(String name, Rating rating) {
        desk.rate(n(name), owners.get(name), rating, null);
    }

    private static void must(CaseWork.Outcome o) {
        if (!o.done()) {
            throw new IllegalStateException("scripted step refused: " + o);
        }
    }

    void play(ApplicationContext ctx) throws Exception {
        at(10, 30, 9, 0);
        open("H", "payment", "奎文区", "telegram");                 // opened in October
        at(2, 9, 0);
        open("A", "payment", "奎文区", "telegram");
        at(2, 9, 0);
        claim("H");                                                // late: 540 working minutes after dispatch
        at(2, 9, 30);
        claim("A");                                                // on time, 30 min
        at(2, 10, 0);
        open("B", "payment", "潍城区", "web");
        at(2, 14, 0);
        claim("B");                                                // late, 240 min
        at(3, 9, 0);
        open("C", "fees", "奎文区", "telegram");
        at(3, 9, 10);
        claim("C");                                                // on time, 10 min
        at(3, 10, 0);
        resolve("H");                                              // on time (due Nov 6)
        at(3, 11, 0);
        rate("H", Rating.SATISFIED);
        at(4, 10, 0);
        resolve("A");                                              // on time, 1140 min
        at(4, 11, 0);
        rate("A", Rating.SATISFIED);
        at(5, 10, 0);
        must(work.extend(n("C"), BOSS, 5, "需要现场核查", null));      // due Nov 10 → Nov 17
        at(9, 9, 0);
        open("D", "utilities", "奎文区", "web");                     // never claimed
        at(10, 10, 0);
        resolve("B");                                              // late (due Nov 9 17:30)
        at(10, 11, 0);
        rate("B", Rating.BASICALLY_SATISFIED);
        at(12, 10, 0);
        resolve("C");                                              // on time only thanks to the extension
        at(12, 11, 0);
        rate("C", Rating.UNSATISFIED);                             // reopened
        at(12, 14, 0);
        claim("C");                                                // a reopened case's claim is not timed
        at(13, 10, 0);
        resolve("C");                                              // on time (new deadline Nov 19)
        at(13, 11, 0);
        rate("C", Rating.SATISFIED);
        at(16, 9, 0);
        open("G", "fees", "奎文区", "web");
        at(16, 10, 0);
        must(work.decline(n("G"), BOSS, DeclineRoute.COURT, "属于司法程序", null, true));
        at(20, 9, 0);
        open("E", "payment", "潍城区", "telegram");
        at(20, 9, 5);
        claim("E");                                                // on time, 5 min; never replied
        at(25, 9, 0);
        open("F", "payment", "奎文区", "telegram");
        open("J", "tax", "奎文区", "telegram");
        at(25, 9, 20);
        claim("F");                                                // on time, 20 min
        at(25, 9, 40);
        claim("J");                                                // on time, 40 min; not replied
        at(26, 10, 0);
        resolve("F");                                              // on time; never rated
        at(30, 9, 0);
        open("I", "utilities", "潍城区", "web");                     // today, unclaimed
        at(30, 12, 0);
        runDeadlines(ctx);                                         // supervises D, E, I; closes F unrated
    }

    /** The deadline scheduler's one pass, as its own tests run it (it is package-private in cases.internal). */
    private static void runDeadlines(ApplicationContext ctx) throws Exception {
        Class<?> type = Class.forName("com.teahouse.cases.internal.DeadlineScheduler");
        Method once = type.getDeclaredMethod("runOnce");
        once.setAccessible(true);
        once.invoke(ctx.getBean(type));
    }
}
