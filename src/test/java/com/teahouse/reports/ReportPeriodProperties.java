package com.teahouse.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The period parser and validator: what it accepts is exactly a well-ordered period of 1 to 366 real days. */
class ReportPeriodProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 30).map(n -> LocalDate.of(2010, 1, 1).plusDays(n));
    }

    @Property
    @Label("a valid period parses back to its days; over 366 days or reversed is refused with the right key")
    void parsesOrRefuses(@ForAll("days") LocalDate from, @ForAll @IntRange(min = -400, max = 400) int length) {
        LocalDate to = from.plusDays(length);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 0) {
            assertEquals("reports.period.order", refused(from.toString(), to.toString()));
        } else if (days > ReportPeriod.MAX_DAYS) {
            assertEquals("reports.period.tooLong", refused(from.toString(), to.toString()));
        } else {
            ReportPeriod p = ReportPeriod.parse(from.toString(), to.toString());
            assertEquals(from, p.from());
            assertEquals(to, p.to());
            assertEquals(days, p.days());
            assertEquals(days, p.eachDay().size());
            assertTrue(p.contains(from) && p.contains(to) && !p.contains(to.plusDays(1)));
        }
    }

    @Property
    @Label("any text that is not a real YYYY-MM-DD date is refused as a bad date or a missing one, never thrown otherwise")
    void junkIsABadDate(@ForAll String junk) {
        boolean realDate;
        try {
            realDate = junk.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(junk) != null;
        } catch (RuntimeException e) {
            realDate = false;
        }
        if (!realDate) {
            String key = refused(junk, "2026-01-01");
            assertTrue(key.equals("reports.period.badDate") || key.equals("reports.period.missing"), key);
        }
    }

    @Property
    @Label("impossible calendar dates are refused")
    void impossibleDates(@ForAll @IntRange(min = 2000, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 29, max = 39) int day) {
        String text = String.format("%04d-%02d-%02d", year, month, day);
        boolean real = day <= LocalDate.of(year, month, 1).lengthOfMonth();
        if (!real) {
            assertEquals("reports.period.badDate", refused(text, text));
        } else {
            assertEquals(1, ReportPeriod.parse(text, text).days());
        }
    }

    @Property
    @Label("this week, last week and this month are valid periods holding their day")
    void presets(@ForAll("days") LocalDate day) {
        ReportPeriod week = ReportPeriod.weekOf(day);
        assertEquals(7, week.days());
        assertTrue(week.contains(day));
        ReportPeriod month = ReportPeriod.monthOf(day);
        assertEquals(day.lengthOfMonth(), month.days());
        assertTrue(month.contains(day));
    }

    private static String refused(String from, String to) {
        return assertThrows(ReportProblem.class, () -> ReportPeriod.parse(from, to)).key();
    }
}
