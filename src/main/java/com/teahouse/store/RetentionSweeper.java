package com.teahouse.store;

import com.teahouse.store.internal.RetentionProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RetentionTask} on a schedule. Only the instance holding the {@code lease:retention} lease
 * sweeps, so several instances never trim or anonymise the same data at once. The time a sweep judges by comes
 * from the injected {@link Clock} (tests move it); the schedule itself is wall-clock. Logs counts only.
 */
@Component
public class RetentionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final RedisStore redis;
    private final List<RetentionTask> tasks;
    private final RetentionProperties props;
    private final Clock clock;
    private final RedisLease lease;
    private ScheduledExecutorService timer;

    RetentionSweeper(RedisStore redis, List<RetentionTask> tasks, RetentionProperties props, Clock clock) {
        this.redis = redis;
        this.tasks = tasks;
        this.props = props;
        this.clock = clock;
        this.lease = new RedisLease(redis, UUID.randomUUID().toString());
    }

    /**
     * One sweep of every task, if this instance holds the lease; an empty map when another one does. A failing
     * task is logged and the others still run. Returns the count per task.
     */
    public synchronized Map<String, Integer> sweepOnce() {
        // held a little longer than a sweep may take; released at the end so the next sweep may run anywhere
        long ttl = Math.max(60_000, props.sweepInterval().toMillis());
        if (!lease.acquire(leaseKey(), ttl)) {
            return Map.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            Instant now = clock.instant();
            for (RetentionTask task : tasks) {
                try {
                    counts.put(task.name(), task.sweep(now, props.batch()));
                } catch (RuntimeException e) {
                    log.warn("Retention task {} failed: {}", task.name(), e.getClass().getSimpleName());
                }
            }
        } finally {
            lease.release(leaseKey());
        }
        if (counts.values().stream().anyMatch(n -> n > 0)) {
            log.info("Retention sweep: {}", counts);
        }
        return counts;
    }

    private String leaseKey() {
        return redis.key("lease:retention");
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = props.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
