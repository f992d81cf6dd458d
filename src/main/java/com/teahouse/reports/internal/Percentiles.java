package com.teahouse.reports.internal;

import com.teahouse.cases.CaseCounters;

/**
 * Percentiles from the counters' fixed-bucket histograms ({@link CaseCounters#BUCKETS}, working minutes). The
 * value is interpolated linearly inside the bucket that holds the rank, so it is off by at most that bucket's
 * width (5 minutes near zero, growing with the duration: about a sixth of the value); beyond the last bound the
 * answer is that bound, i.e. "at least".
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The q-quantile (0 < q ≤ 1) in minutes, or null when the histogram is empty. */
    static Double minutes(long[] hist, double q) {
        long total = 0;
        for (long n : hist) {
            total += n;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] > 0 && seen + hist[i] >= rank) {
                long[] b = CaseCounters.BUCKETS;
                if (i >= b.length) {
                    return (double) b[b.length - 1];
                }
                double lower = i == 0 ? 0 : b[i - 1];
                double within = (rank - seen) / hist[i];
                return lower + within * (b[i] - lower);
            }
            seen += hist[i];
        }
        return (double) CaseCounters.BUCKETS[CaseCounters.BUCKETS.length - 1];
    }

    static Double hours(long[] hist, double q) {
        Double m = minutes(hist, q);
        return m == null ? null : Math.round(m / 60 * 100) / 100.0;
    }

    static Double roundedMinutes(long[] hist, double q) {
        Double m = minutes(hist, q);
        return m == null ? null : Math.round(m * 10) / 10.0;
    }
}
