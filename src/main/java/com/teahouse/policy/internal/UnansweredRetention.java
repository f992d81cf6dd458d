package com.teahouse.policy.internal;

import java.time.Duration;
import java.time.Instant;

import com.teahouse.store.RetentionTask;

/**
 * Drops the lines of the unanswered list not asked within the retention period. Their keys expire by themselves
 * as well; this keeps the index (and so the list and the cap) exact.
 */
final class UnansweredRetention implements RetentionTask {

    private final UnansweredList list;
    private final UnansweredClusters clusters;
    private final Duration period;

    UnansweredRetention(UnansweredList list, UnansweredClusters clusters, Duration period) {
        this.list = list;
        this.clusters = clusters;
        this.period = period;
    }

    @Override
    public String name() {
        return "policy-unanswered";
    }

    @Override
    public int sweep(Instant now, int budget) {
        return list.expire(now.minus(period), budget, clusters);
    }
}
