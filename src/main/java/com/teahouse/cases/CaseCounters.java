package com.teahouse.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Figures about cases, counted per Asia/Shanghai day and per slice (every case, a unit, a category, a district, a
 * channel). The counts are written by the same Lua script as the case change they count, so they never disagree
 * with the cases; each counted event also carries what it counted in the case's event log, from which
 * {@link #rebuild()} makes the counters again. Durations are working time on the cases' calendar, kept as
 * histograms over the fixed {@link #BUCKETS} (so a period's percentiles add up from its days).
 */
public interface CaseCounters {

    /** What is counted, on the day it happened. */
    enum Measure {
        OPENED, CLAIMED,
        /** Claims of a dispatched case (not of a reopened one): the ones timed against the claim window. */
        CLAIMS_TIMED, CLAIMED_ON_TIME,
        REPLIED, REPLIED_ON_TIME,
        /** On time only thanks to an extension: after the first deadline, by the extended one. */
        REPLIED_ON_TIME_EXTENDED,
        CLOSED, REOPENED, DECLINED, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
    }

    /** Working minutes: dispatch to claim, opening (or reopening) to reply, opening to close. */
    enum Timing { CLAIM, REPLY, CLOSE }

    enum Dimension { ALL, UNIT, CATEGORY, DISTRICT, CHANNEL }

    /**
     * @param key    the unit or category id, the district as the case names it, the channel; "" for ALL
     * @param within null for every unit, or the unit this category, district or channel slice is within (so one
     *               unit's figures can be broken down without another unit's)
     */
    record Slice(Dimension dimension, String key, String within) {
        public static final Slice ALL = new Slice(Dimension.ALL, "", null);

        public static Slice of(Dimension dimension, String key) {
            return new Slice(dimension, key, null);
        }
    }

    /**
     * Upper bounds, in working minutes, of the histogram buckets; a last bucket holds everything longer. A working
     * day is 8 hours (480 minutes) on the default calendar.
     */
    long[] BUCKETS = {5, 10, 15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 1920, 2400, 3360, 4800,
            7200, 9600, 14400, 28800};

    /**
     * One day's counts.
     *
     * @param histograms per slice and timing, {@code BUCKETS.length + 1} counts
     */
    record Day(LocalDate day, Map<Slice, Map<Measure, Long>> counts, Map<Slice, Map<Timing, long[]>> histograms) {
    }

    /** The days from {@code from} to {@code to}, both included, in order (a day with nothing is empty). */
    List<Day> days(LocalDate from, LocalDate to);

    /**
     * Pieces of the period whose counts add up to those of {@link #days} for it: a whole month's rollup where the
     * period holds every day of that month with counters, single days elsewhere (a piece's {@code day} is its first
     * day). Cheaper to read than the days of a long period.
     */
    List<Day> spans(LocalDate from, LocalDate to);

    /** One slice's counts (no histograms) on each day from {@code from} to {@code to}, in order. */
    List<Day> days(LocalDate from, LocalDate to, Slice slice);

    /**
     * The queue now: open (not closed or declined), overdue (past the current deadline), supervised, and open
     * cases by working days since opening (0–1, 2–5, 6–10, over 10).
     */
    record Now(long open, long overdue, long supervised, long[] ageing) {
    }

    /** The queue now, for every unit ({@code unit} null) or one. */
    Now now(String unit);

    /** {@link #now} for each unit of the catalogue at once. */
    Map<String, Now> nowByUnit();

    /** {@link #now} of each unit asked (null: every unit), read at once, in the order asked. */
    Map<String, Now> now(List<String> units);

    /** The cases behind a measure over the days (at most {@code limit}); {@code unit} null for every unit. */
    List<String> casesBehind(LocalDate from, LocalDate to, Measure measure, String unit, int limit);

    /** What the queue figures are made of: open, overdue, supervised, or an ageing bucket (age0, age1, …). */
    List<String> casesNow(String which, String unit, int limit);

    /** Deletes the counters and counts them again from every case's event log; returns the cases read. */
    long rebuild();
}
