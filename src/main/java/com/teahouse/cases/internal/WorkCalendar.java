package com.teahouse.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working days and hours from {@code calendar/cn-workdays.yaml}: public holidays, adjusted working weekends
 * (调休) and the office hours. Immutable once loaded.
 */
final class WorkCalendar {

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final List<Integer> covers;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    @SuppressWarnings("unchecked")
    WorkCalendar(InputStream yaml, ZoneId zone) throws IOException {
        Map<String, Object> data = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        Map<String, String> hours = (Map<String, String>) data.get("hours");
        this.start = LocalTime.parse(hours.get("start"));
        this.end = LocalTime.parse(hours.get("end"));
        this.covers = (List<Integer>) data.get("covers");
        ((List<Object>) data.get("holidays")).forEach(r -> addRange(holidays, String.valueOf(r)));
        ((List<Object>) data.get("workdays")).forEach(r -> addRange(workdays, String.valueOf(r)));
        this.zone = zone;
    }

    static WorkCalendar load(ZoneId zone) {
        try (InputStream in = WorkCalendar.class.getResourceAsStream("/calendar/cn-workdays.yaml")) {
            if (in == null) {
                throw new IllegalStateException("calendar/cn-workdays.yaml is missing from the classpath");
            }
            return new WorkCalendar(in, zone);
        } catch (IOException e) {
            throw new IllegalStateException("calendar/cn-workdays.yaml is unreadable: " + e.getMessage(), e);
        }
    }

    private static void addRange(Set<LocalDate> into, String range) {
        String[] ends = range.split("\\.\\.");
        LocalDate from = LocalDate.parse(ends[0].strip());
        LocalDate to = ends.length > 1 ? LocalDate.parse(ends[1].strip()) : from;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            into.add(d);
        }
    }

    boolean covers(int year) {
        return covers.contains(year);
    }

    boolean isWorkday(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The end of office hours on the n-th working day after the day of receipt: a case received on a Monday
     * with 5 days is due next Monday at 17:30 (the day of receipt does not count, as in 12345 practice).
     */
    Instant workingDaysAfter(Instant received, int days) {
        LocalDate day = received.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < Math.max(days, 0)) {
            day = day.plusDays(1);
            if (isWorkday(day)) {
                counted++;
            }
        }
        return day.atTime(end).atZone(zone).toInstant();
    }

    /** The instant when {@code amount} of office time has passed since {@code from}, skipping nights and days off. */
    Instant plusWorkingTime(Instant from, Duration amount) {
        ZonedDateTime t = from.atZone(zone);
        Duration left = amount;
        while (true) {
            t = nextOfficeMoment(t);
            ZonedDateTime closing = t.toLocalDate().atTime(end).atZone(zone);
            Duration available = Duration.between(t, closing);
            if (available.compareTo(left) >= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(available);
            t = closing;
        }
    }

    /** Office time between two instants, in whole minutes (nights, weekends and holidays do not count). */
    long workingMinutes(Instant from, Instant to) {
        return to.isAfter(from) ? officeTimeBetween(from, to).toMinutes() : 0;
    }

    /** Working days after {@code from} up to and including {@code to} (0 on the same day). */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += isWorkday(d) ? 1 : 0;
        }
        return n;
    }

    ZoneId zone() {
        return zone;
    }

    /** Office time within [from, to] (from not after to): the overlap with office hours on working days. */
    Duration officeTimeBetween(Instant from, Instant to) {
        Duration sum = Duration.ZERO;
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(start).atZone(zone);
            ZonedDateTime close = day.atTime(end).atZone(zone);
            ZonedDateTime s = a.isAfter(open) ? a : open;
            ZonedDateTime e = b.isBefore(close) ? b : close;
            if (e.isAfter(s)) {
                sum = sum.plus(Duration.between(s, e));
            }
        }
        return sum;
    }

    Duration officeDay() {
        return Duration.between(start, end);
    }

    /** {@code t} if the office is open then, else the next opening. */
    private ZonedDateTime nextOfficeMoment(ZonedDateTime t) {
        LocalDate day = t.toLocalDate();
        LocalTime time = t.toLocalTime();
        if (isWorkday(day) && !time.isBefore(start) && time.isBefore(end)) {
            return t;
        }
        if (!isWorkday(day) || !time.isBefore(end)) {
            day = day.plusDays(1);
            while (!isWorkday(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(start).atZone(zone);
    }
}
