package com.teahouse.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Start-up work that needs Redis (the first admin, the digest's seed, the views a module builds once …). An
 * instance started while Redis is unreachable must not exit: a supervisor would restart it in a loop, and the
 * load balancer has nowhere to send Telegram's retries. So the work is done at once when Redis answers, and
 * otherwise tried again every second on one background thread, in the order it was asked, until it succeeds.
 * Meanwhile the instance is up but not ready: the health is DOWN (Redis unreachable, no lanes owned), the webhook
 * answers 503 so Telegram retries, and the web chat says "try again"; nothing needs a restart once Redis is back.
 */
@Component
public class WhenRedisUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WhenRedisUp.class);
    private static final long RETRY_MILLIS = 1000;

    private record Work(String what, Runnable work) {
    }

    private final List<Work> waiting = new ArrayList<>();
    private ScheduledExecutorService retries;

    /**
     * Does {@code work} now, or as soon as Redis answers if it cannot be reached now. {@code what} names it in the
     * log. Other failures are not retried: they are the work's own to report.
     */
    public void run(String what, Runnable work) {
        synchronized (this) {
            if (!waiting.isEmpty()) { // keep the order: this one may depend on those still waiting
                waiting.add(new Work(what, work));
                return;
            }
        }
        if (!attempt(new Work(what, work))) {
            synchronized (this) {
                waiting.add(new Work(what, work));
                log.warn("Redis is not reachable: {} waits for it (the instance stays up, not ready)", what);
                if (retries == null) {
                    retries = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "when-redis-up");
                        t.setDaemon(true);
                        return t;
                    });
                    retries.scheduleWithFixedDelay(this::retry, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** How many pieces of start-up work still wait for Redis. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void retry() {
        while (true) {
            Work next;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    return;
                }
                next = waiting.get(0);
            }
            try {
                if (!attempt(next)) {
                    return;
                }
                log.info("Redis answers: {} done", next.what());
            } catch (RuntimeException e) {
                log.error("{} failed once Redis answered", next.what(), e); // the next ones still get their turn
            }
            synchronized (this) {
                waiting.remove(0);
            }
        }
    }

    private static boolean attempt(Work work) {
        try {
            work.work().run();
            return true;
        } catch (StoreUnavailable | JedisConnectionException e) {
            return false;
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Somewhere in its causes, Redis could not be reached (a wrapper may have been put around it). */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable || t instanceof JedisConnectionException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void destroy() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
