package com.teahouse.cases.internal;

import com.teahouse.cases.WorkingTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** {@link WorkingTime} by the {@link WorkCalendar} that sets the deadlines, so a countdown agrees with them. */
@Component
class CalendarWorkingTime implements WorkingTime {

    private final WorkCalendar calendar;

    CalendarWorkingTime(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isBefore(from) ? calendar.officeTimeBetween(to, from).negated() : calendar.officeTimeBetween(from, to);
    }

    @Override
    public ZoneId zone() {
        return calendar.zone();
    }

    @Override
    public Duration workingDay() {
        return calendar.officeDay();
    }
}
