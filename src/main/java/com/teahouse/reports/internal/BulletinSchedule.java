package com.teahouse.reports.internal;

import com.teahouse.reports.ReportPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Every instance looks every {@code check-every} on the app's clock whether the cron has fired within the
 * catch-up window; if so it asks {@link BulletinPublisher#postWeek} to post the week before, which only the first
 * asker (cluster-wide, across restarts) gets to do. Ticking on the app's clock rather than a timer at the cron
 * time is what lets a test move the clock, and lets a posting missed while every instance was down still happen.
 */
@Component
class BulletinSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulletinSchedule.class);

    private final BulletinPublisher publisher;
    private final BulletinProperties props;
    private final Clock clock;
    private final CronExpression cron;
    private ScheduledExecutorService ticker;

    BulletinSchedule(BulletinPublisher publisher, BulletinProperties props, Clock clock) {
        this.publisher = publisher;
        this.props = props;
        this.clock = clock;
        this.cron = CronExpression.parse(props.cron());
    }

    /** The latest firing at or before {@code now}, looking back over the catch-up window. */
    Optional<ZonedDateTime> lastFiring(Instant now) {
        ZonedDateTime at = now.minus(props.catchUp()).atZone(props.zone());
        ZonedDateTime last = null;
        for (ZonedDateTime next = cron.next(at); next != null && !next.toInstant().isAfter(now);
                next = cron.next(next)) {
            last = next;
        }
        return Optional.ofNullable(last);
    }

    /** One look: posts the week before the latest firing, if nobody has. */
    void tick() {
        try {
            if (!props.enabled() || !publisher.configured()) {
                return;
            }
            lastFiring(clock.instant()).ifPresent(fired ->
                    publisher.postWeek(ReportPeriod.weekOf(fired.toLocalDate().minusDays(7))));
        } catch (RuntimeException e) {
            log.warn("bulletin check failed ({}); tried again at the next check", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulletin-schedule");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, props.checkEvery().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
