package com.teahouse.cases.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.store.LeaseLoop;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Fires the work items of {@code cases:deadlines} (member {@code <tracking>|<kind>}, score = when): first
 * dispatch, reminders, breaches (督办), closing unrated cases. Only the instance holding the lease polls, and
 * each item is taken atomically (claim-item.lua), so an item fires once with any number of instances. An
 * item whose instance died mid-way is taken again after its lease; its transition carries the item as op id,
 * so a repeat changes nothing and publishes nothing. Items live in Redis, so they survive restarts.
 */
@Component
class DeadlineScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);

    private final RedisStore redis;
    private final CaseScripts scripts;
    private final ClockWorkflow workflow;
    private final CasesProperties props;
    private final Clock clock;
    private final LeaseLoop loop;

    DeadlineScheduler(RedisStore redis, CaseScripts scripts, @Lazy ClockWorkflow workflow, CasesProperties props,
            Clock clock) {
        this.redis = redis;
        this.loop = new LeaseLoop(redis, "case-deadlines",
                Duration.ofMillis(Math.max(3000, props.pollInterval().toMillis() * 5)), props.pollInterval());
        this.scripts = scripts;
        this.workflow = workflow;
        this.props = props;
        this.clock = clock;
    }

    /** One poll: every item due now, if this instance holds the lease. Returns how many fired here. */
    int runOnce() {
        if (!loop.hold()) {
            return 0;
        }
        int fired = 0;
        List<String> due;
        do {
            // taken items move a lease ahead, so each batch reads new ones
            due = redis.jedis().zrangeByScore(redis.key("cases:deadlines"), 0, clock.millis(), 0, 200);
            for (String member : due) {
                int bar = member.lastIndexOf('|');
                if (fireNow(member.substring(0, bar), member.substring(bar + 1))) {
                    fired++;
                }
            }
        } while (due.size() == 200 && running());
        return fired;
    }

    /** Takes and fires one item if it is due; false when it is not due or someone else has it. */
    boolean fireNow(String tracking, String kind) {
        String member = tracking + "|" + kind;
        long now = clock.millis();
        String until = Long.toString(now + props.itemLease().toMillis());
        List<String> keys = List.of(redis.key("cases:deadlines"), redis.key("cases:deadlines:first"));
        Object first = scripts.run("claim-item", keys, List.of(member, Long.toString(now), until));
        if (first == null) {
            return false;
        }
        try {
            fire(tracking, kind, "item:" + member + ":" + first);
        } catch (RuntimeException e) {
            log.warn("Deadline item {} of case {} failed ({}); retried after its lease", kind, tracking,
                    e.toString());
            return false;
        }
        scripts.run("finish-item", keys, List.of(member, until));
        return true;
    }

    private void fire(String t, String kind, String op) {
        switch (kind) {
            case "dispatch" -> workflow.dispatch(t, op);
            case "claim-remind" -> workflow.remind(t, "claim", CaseChange.from(DISPATCHED), op);
            case "claim-due" -> workflow.supervise(t, "claim", op);
            case "reply-remind" -> workflow.remind(t, "reply", CaseChange.from(DISPATCHED, CLAIMED, REOPENED,
                    RETURNED), op);
            case "reply-due" -> workflow.supervise(t, "reply", op);
            case "rate-due" -> workflow.closeUnrated(t, op);
            default -> log.warn("Unknown deadline item kind {} for case {}", kind, t);
        }
    }

    @Override
    public void start() {
        loop.start(() -> {
            runOnce();
            return false;
        });
    }

    private static boolean running() {
        return !Thread.currentThread().isInterrupted();
    }

    /** Gives the lease up, so that the next instance (or this one restarted) polls at once. */
    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(5)); // [graceful stop] let the item in flight finish before the lease goes
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }
}
