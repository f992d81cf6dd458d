package com.teahouse.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Office time by the hotline's working calendar (holidays, 调休 working weekends, office hours), the measure of
 * every case deadline: what a countdown shows.
 */
public interface WorkingTime {

    /** Office time from {@code from} to {@code to}; negative when {@code to} is earlier (a missed deadline). */
    Duration between(Instant from, Instant to);

    /** The hotline's time zone, in which its days and clock times are read (a card's dates, say). */
    ZoneId zone();

    /** Office hours per working day, to show a duration as working days and hours. */
    Duration workingDay();
}
