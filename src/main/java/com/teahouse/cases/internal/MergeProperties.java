package com.teahouse.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 并单 candidates.
 *
 * @param threshold     a pair at or above this similarity is a candidate; chosen on the labelled pairs of
 *                      src/test/resources/similarity-eval (SimilarityEvaluationTest prints how it was chosen)
 * @param windowDays    how far back open cases are compared
 * @param maxCandidates how many candidates one case keeps
 */
@ConfigurationProperties("teahouse.merge")
record MergeProperties(Double threshold, Integer windowDays, Integer maxCandidates) {

    /** The threshold the shipped evaluation chose (precision ≥ 90% at the highest recall). */
    static final double DEFAULT_THRESHOLD = 0.34;

    MergeProperties {
        threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
        windowDays = windowDays == null ? 30 : windowDays;
        maxCandidates = maxCandidates == null ? 5 : maxCandidates;
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("teahouse.merge.threshold must be in (0, 1]");
        }
    }
}
