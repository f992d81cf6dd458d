package com.teahouse.store.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Stops a production start-up that would fall back to the embedded redis-server, with what to do instead. */
public class EmbeddedRedisInProductionAnalyzer extends AbstractFailureAnalyzer<EmbeddedRedisInProduction> {

    @Override
    protected FailureAnalysis analyze(Throwable root, EmbeddedRedisInProduction cause) {
        return new FailureAnalysis(cause.getMessage()
                + " The embedded redis-server is for a developer's machine and the tests only.",
                "Set TEAHOUSE_REDIS_URL (redis://user:password@host:port/db, or rediss:// for TLS) to a maintained "
                        + "Redis 7.2 or newer, or start without the prod profile.",
                null);
    }
}
