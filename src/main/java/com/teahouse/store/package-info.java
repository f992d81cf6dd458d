/**
 * Redis plumbing: the one place that knows how to reach Redis. Without {@code teahouse.redis.url} it starts a
 * real redis-server (the binary shipped in the embedded-redis jar) with append-only persistence under the data
 * directory, in its own process group; with the URL it connects there; with {@code teahouse.redis.sentinel.*} it
 * follows the master the sentinels name, across failovers. Every key lives under one prefix ({@code teahouse:} by default).
 * The {@link com.teahouse.store.RetentionSweeper} runs each module's {@link com.teahouse.store.RetentionTask}
 * on a schedule, in one instance at a time, so personal data is kept no longer than its period.
 * {@link com.teahouse.store.LeaseLoop} is the one loop for work done by one instance at a time under a named lease.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Store",
        allowedDependencies = {})
package com.teahouse.store;
