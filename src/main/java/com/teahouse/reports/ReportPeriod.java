package com.teahouse.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's period: Asia/Shanghai days, both ends included, {@code from} not after {@code to}, at most
 * {@value #MAX_DAYS} days. Anything else is a {@link ReportProblem} (400) that says what was wrong.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        if (from == null || to == null) {
            throw ReportProblem.badInput("reports.period.missing");
        }
        if (from.isAfter(to)) {
            throw ReportProblem.badInput("reports.period.order");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ReportProblem.badInput("reports.period.tooLong");
        }
    }

    /** From the query parameters {@code YYYY-MM-DD}; blank, malformed or impossible dates are refused. */
    public static ReportPeriod parse(String from, String to) {
        return new ReportPeriod(date(from), date(to));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw ReportProblem.badInput("reports.period.missing");
        }
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ReportProblem.badInput("reports.period.badDate");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ReportProblem.badInput("reports.period.badDate");
        }
    }

    /** Monday to Sunday of the week holding {@code day}. */
    public static ReportPeriod weekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(monday, monday.plusDays(6));
    }

    public static ReportPeriod monthOf(LocalDate day) {
        return new ReportPeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public List<LocalDate> eachDay() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
