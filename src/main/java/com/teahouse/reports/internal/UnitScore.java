package com.teahouse.reports.internal;

/**
 * The unit ranking's score, 0 to 100 (higher is better):
 * {@code 100 × (w_reply × onTimeReplyRate + w_sat × satisfactionRate) / (w_reply + w_sat) − penalty × overdueNow},
 * kept within 0..100. A rate that is null (nothing counted) drops out of the mean with its weight; with neither
 * rate the base is 100, so an idle unit loses points only for overdue cases; a unit with no rates and nothing
 * overdue has no score (null) and ranks last. Weights: {@code teahouse.reports.score.*}.
 */
final class UnitScore {

    private UnitScore() {
    }

    static Double of(ReportsProperties.Score w, Double onTimeReplyRate, Double satisfactionRate, long overdueNow) {
        if (onTimeReplyRate == null && satisfactionRate == null && overdueNow == 0) {
            return null;
        }
        double sum = 0;
        double weights = 0;
        if (onTimeReplyRate != null) {
            sum += w.onTimeReply() * onTimeReplyRate;
            weights += w.onTimeReply();
        }
        if (satisfactionRate != null) {
            sum += w.satisfaction() * satisfactionRate;
            weights += w.satisfaction();
        }
        double base = weights == 0 ? 100 : 100 * sum / weights;
        double score = Math.max(0, Math.min(100, base - w.overduePenalty() * overdueNow));
        return Math.round(score * 10) / 10.0;
    }
}
