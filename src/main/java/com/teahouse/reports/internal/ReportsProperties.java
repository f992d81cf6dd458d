package com.teahouse.reports.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reports' settings ({@code teahouse.reports.*}).
 *
 * @param score         the unit ranking's weights (see {@link UnitScore})
 * @param casesListed   at most this many cases behind one figure
 */
@ConfigurationProperties("teahouse.reports")
record ReportsProperties(Score score, Integer casesListed) {

    ReportsProperties {
        score = score == null ? new Score(null, null, null) : score;
        casesListed = casesListed == null ? 500 : casesListed;
    }

    /**
     * @param onTimeReply    weight of the on-time reply rate (default 0.6)
     * @param satisfaction   weight of the satisfaction rate (default 0.4)
     * @param overduePenalty points taken off per case overdue now (default 5)
     */
    record Score(Double onTimeReply, Double satisfaction, Double overduePenalty) {

        Score {
            onTimeReply = onTimeReply == null ? 0.6 : onTimeReply;
            satisfaction = satisfaction == null ? 0.4 : satisfaction;
            overduePenalty = overduePenalty == null ? 5.0 : overduePenalty;
            if (onTimeReply < 0 || satisfaction < 0 || overduePenalty < 0 || onTimeReply + satisfaction == 0) {
                throw new IllegalArgumentException("teahouse.reports.score weights must be >= 0, "
                        + "with on-time-reply + satisfaction > 0");
            }
        }
    }
}
