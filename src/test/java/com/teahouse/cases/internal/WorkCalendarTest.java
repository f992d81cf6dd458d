package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    private final WorkCalendar calendar = WorkCalendar.load(CN);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CN).toInstant();
    }

    @Test
    void holidaysAndAdjustedWeekends2026() {
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 1, 1)));
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 1, 4)), "Sunday 4 Jan is a 调休 workday");
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 2, 14)), "Saturday before 春节");
        for (int d = 15; d <= 23; d++) {
            assertFalse(calendar.isWorkday(LocalDate.of(2026, 2, d)), "春节 Feb " + d);
        }
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 2, 28)));
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 4, 6)), "清明 Monday");
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 5, 5)));
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 5, 9)));
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 6, 19)));
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 9, 25)));
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 9, 20)));
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 10, 7)));
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 10, 10)));
        assertFalse(calendar.isWorkday(LocalDate.of(2026, 3, 7)), "an ordinary Saturday");
        assertTrue(calendar.isWorkday(LocalDate.of(2026, 3, 9)), "an ordinary Monday");
        assertFalse(calendar.isWorkday(LocalDate.of(2027, 10, 1)));
        assertTrue(calendar.covers(2026) && calendar.covers(2027));
    }

    @Test
    void fiveWorkingDaysSkipWeekendsAndHolidays() {
        // Monday 2 March 2026: Tue..Fri + Mon = due Monday 9 March, 17:30
        assertEquals(at("2026-03-09T17:30"), calendar.workingDaysAfter(at("2026-03-02T10:00"), 5));
        // Thursday 12 Feb 2026: Fri 13, Sat 14 (调休), then 春节 until 23, Tue 24, Wed 25, Thu 26
        assertEquals(at("2026-02-26T17:30"), calendar.workingDaysAfter(at("2026-02-12T09:00"), 5));
        // Wednesday 30 Sep 2026: 国庆 1–7, Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13
        assertEquals(at("2026-10-13T17:30"), calendar.workingDaysAfter(at("2026-09-30T16:00"), 5));
    }

    @Test
    void twoWorkingHoursToClaimAcrossANightAndAWeekend() {
        Duration two = Duration.ofHours(2);
        assertEquals(at("2026-03-03T11:00"), calendar.plusWorkingTime(at("2026-03-03T09:00"), two));
        // 16:30 Tuesday: one hour left today, one tomorrow from 08:30
        assertEquals(at("2026-03-04T09:30"), calendar.plusWorkingTime(at("2026-03-03T16:30"), two));
        // late evening: starts next morning
        assertEquals(at("2026-03-04T10:30"), calendar.plusWorkingTime(at("2026-03-03T22:00"), two));
        // early morning before opening
        assertEquals(at("2026-03-03T10:30"), calendar.plusWorkingTime(at("2026-03-03T06:00"), two));
        // Friday 17:00: half an hour on Friday, the rest on Monday
        assertEquals(at("2026-03-09T10:00"), calendar.plusWorkingTime(at("2026-03-06T17:00"), two));
        // Saturday: Monday morning
        assertEquals(at("2026-03-09T10:30"), calendar.plusWorkingTime(at("2026-03-07T12:00"), two));
        // Friday 13 Feb 2026 at 17:00 → Saturday 14 Feb is a working day (调休)
        assertEquals(at("2026-02-14T10:00"), calendar.plusWorkingTime(at("2026-02-13T17:00"), two));
        // Saturday 14 Feb at 17:00 → 春节 → Tuesday 24 Feb
        assertEquals(at("2026-02-24T10:00"), calendar.plusWorkingTime(at("2026-02-14T17:00"), two));
    }
}
