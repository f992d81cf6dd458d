package com.teahouse.store.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the retention sweeper runs. The periods themselves belong to the modules that hold the data:
 * {@code teahouse.retention.messaging.*}, {@code teahouse.retention.web.*}, {@code teahouse.retention.cases.*}.
 *
 * @param sweepInterval time between two sweeps (by any instance: one holds the lease)
 * @param batch         the work one task may do per sweep (keys scanned, cases anonymised)
 */
@ConfigurationProperties("teahouse.retention")
public record RetentionProperties(Duration sweepInterval, Integer batch) {

    public RetentionProperties {
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(15) : sweepInterval;
        batch = batch == null ? 500 : batch;
        if (sweepInterval.isNegative() || sweepInterval.isZero() || batch < 1) {
            throw new IllegalArgumentException("teahouse.retention.sweep-interval and batch must be positive");
        }
    }
}
