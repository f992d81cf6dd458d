package com.teahouse.store.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up stopped by Redis settings that cannot work: which setting, what is wrong, what to set. */
public class RedisMisconfiguredAnalyzer extends AbstractFailureAnalyzer<RedisMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RedisMisconfigured cause) {
        return new FailureAnalysis("Redis is misconfigured: " + cause.getMessage() + ".",
                "For one Redis set TEAHOUSE_REDIS_URL (redis://user:password@host:port/db). For Redis behind "
                        + "Sentinel set TEAHOUSE_REDIS_SENTINEL_MASTER (the monitored name) and "
                        + "TEAHOUSE_REDIS_SENTINEL_NODES (host:port of each sentinel, comma-separated, e.g. "
                        + "10.0.0.5:26379,10.0.0.6:26379,10.0.0.7:26379), plus TEAHOUSE_REDIS_SENTINEL_PASSWORD.",
                null);
    }
}
