package com.teahouse.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The summary of a period, as {@code GET /staff/api/reports/summary} returns it. Counts are of events in the
 * period (a case opened in it, a claim made in it, …); the "now" figures are the queue at the time of asking.
 * Rates are fractions from 0 to 1, null when nothing was counted. Times are working time on the cases' calendar.
 *
 * @param unit          the unit asked for, or null for every unit
 * @param opened        cases opened: complaints as they came, a case later merged into another (并单) included
 *                      (the ledger's "complaints" total; its rows are problems, a merged group being one row);
 *                      {@code claimed}, {@code replied}, {@code closed}, {@code reopened}, {@code declined}: those
 *                      events in the period (a merged case has none of its own: its group's case has them)
 * @param openNow       cases not yet closed or declined; {@code overdueNow} past their current deadline;
 *                      {@code supervisedNow} under supervision (督办)
 * @param backlog       open cases by working days open
 * @param byWeek        volume by week (Monday-based weeks that overlap the period, clipped to it)
 */
public record Summary(LocalDate from, LocalDate to, String unit, long opened, long claimed, long replied,
        long closed, long reopened, long declined, long openNow, long overdueNow, long supervisedNow,
        OnTime onTime, Satisfaction satisfaction, Times times, Backlog backlog, List<UnitRow> byUnit,
        List<Row> byCategory, List<Row> byDistrict, List<Row> byChannel, List<Week> byWeek) {

    /**
     * @param claimRate          claims within 2 working hours of dispatch over claims (first claims after a
     *                           dispatch; a reopened case's claim is not timed)
     * @param replyRate          replies by the deadline in force, extensions included, over replies
     * @param claimsCounted      the claims the claim rate is over; {@code claimedOnTime} those on time
     * @param repliesCounted     the replies the reply rate is over; {@code repliedOnTime} those on time, of which
     *                           {@code repliedOnTimeExtended} only thanks to an extension (late by the first
     *                           deadline); {@code replyRateWithoutExtensions} counts those as late
     */
    public record OnTime(Double claimRate, Double replyRate, long claimsCounted, long claimedOnTime,
            long repliesCounted, long repliedOnTime, long repliedOnTimeExtended, Double replyRateWithoutExtensions) {
    }

    /**
     * @param rate       (满意 + 基本满意) over rated
     * @param reopenRate reopenings over replies in the period
     */
    public record Satisfaction(long rated, long satisfied, long basicallySatisfied, long dissatisfied, Double rate,
            Double reopenRate) {
    }

    /** Median and 90th percentile; null when nothing was timed. Close times run from opening to closing. */
    public record Times(Double claimMedianMinutes, Double claimP90Minutes, Double replyMedianHours,
            Double replyP90Hours, Double closeMedianHours, Double closeP90Hours) {
    }

    /** Open cases by working days since opening: 0–1, 2–5, 6–10, over 10. */
    public record Backlog(long days0to1, long days2to5, long days6to10, long over10) {
    }

    /** One unit; {@code score} per {@code teahouse.reports.score.*} (null when the unit had nothing to score). */
    public record UnitRow(String unit, String name, long opened, long closed, Double onTimeReplyRate,
            Double satisfactionRate, long overdueNow, Double score) {
    }

    /** One category, district or channel: {@code key} as stored, {@code name} to show. */
    public record Row(String key, String name, long opened, long replied, long closed, Double onTimeReplyRate,
            Double satisfactionRate) {
    }

    /** One week (starting Monday, clipped to the period). */
    public record Week(LocalDate from, long opened, long replied, long closed) {
    }
}
