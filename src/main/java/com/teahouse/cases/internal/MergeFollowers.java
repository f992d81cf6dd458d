package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseState;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The cases merged into A follow A: A's resolution reaches every merged case (each case B then waits for its own
 * rating); a 不满意 (or "not solved") on any B takes B back into the group and reopens A, and with it the whole
 * group; A's 不予受理 ends the group's cases the same way.
 *
 * <p>Driven by the notices stream, not by the event in memory: {@link CaseNotices} hands each entry here before it
 * is acknowledged, and the entry was written by the same script as A's change. So a crash between A's change and
 * its group's (the instance killed, Redis failing over) loses nothing: whoever delivers notices next repeats the
 * entry. Each change a repeat could make twice carries the operation {@code follow:<entry>:<case>}, which
 * transition.lua refuses the second time (and the state each starts from is checked too). The group itself
 * ({@code case:<A>:merged}) is written by the merge's and unmerge's own script, so every instance, and every
 * restart, reads the same one. What the entrepreneurs are told of it goes with each change through the notices
 * stream ({@link MergeNotices}, {@link OwnerNotices}).
 */
@Component
class MergeFollowers {

    private final CaseStore store;
    private final MergeDesk merges;
    private final OwnerWorkflow workflow;
    private final CasesProperties props;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final NoticeCodec notices;

    MergeFollowers(CaseStore store, MergeDesk merges, OwnerWorkflow workflow, CasesProperties props, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, NoticeCodec notices) {
        this.notices = notices;
        this.store = store;
        this.merges = merges;
        this.workflow = workflow;
        this.props = props;
        this.clock = clock;
        this.events = events;
    }

    /** What the events of notices entry {@code entry} make the group do; safe to repeat for the same entry. */
    void follow(String entry, List<CaseEvent> happened) {
        for (CaseEvent event : happened) {
            if (event instanceof CaseEvent.CaseResolved r) {
                resolveGroup(entry, r);
            } else if (event instanceof CaseEvent.CaseReopened r) {
                reopened(entry, r);
            } else if (event instanceof CaseEvent.CaseDeclined d) {
                declineGroup(entry, d);
            }
        }
    }

    private static String op(String entry, String what) {
        return "follow:" + entry + ":" + what;
    }

    /** A's reply reaches each merged case, which moves to replied and asks its own entrepreneur for a rating. */
    private void resolveGroup(String entry, CaseEvent.CaseResolved r) {
        Instant now = clock.instant();
        Instant rateDue = now.plus(Duration.ofDays(props.rateDays()));
        for (String b : merges.group(r.trackingNumber())) {
            CaseChange change = CaseChange.from(CaseState.MERGED).to(CaseState.REPLIED).op(op(entry, b))
                    .set("resolution", r.reply())
                    .set("repliedAt", now).set("due", rateDue).item("rate-due", rateDue)
                    .event("resolve", r.by(), now, r.reply());
            CaseEvent resolved = new CaseEvent.CaseResolved(b, r.by(), r.reply());
            change.notice = notices.write(List.of(resolved)); // B's owner is asked for a rating, durably
            if (store.apply(b, change).ok()) {
                events.publishEvent(resolved);
            }
        }
    }

    /** 不予受理 of A is the ending of every merged case too, with the same route and reason. */
    private void declineGroup(String entry, CaseEvent.CaseDeclined d) {
        Instant now = clock.instant();
        for (String b : merges.group(d.trackingNumber())) {
            CaseChange change = CaseChange.from(CaseState.MERGED).to(CaseState.DECLINED).op(op(entry, b))
                    .set("declineRoute", d.route().name()).set("resolution", d.reason() == null ? "" : d.reason())
                    .dropItems(CaseTransitions.ALL_ITEMS).ended()
                    .event("decline", Actor.SYSTEM, now, d.route().name() + ": " + d.reason());
            CaseEvent declined = new CaseEvent.CaseDeclined(b, d.route(), d.reason());
            change.notice = notices.write(List.of(declined));
            if (store.apply(b, change).ok()) {
                events.publishEvent(declined);
            }
        }
    }

    private void reopened(String entry, CaseEvent.CaseReopened r) {
        String t = r.trackingNumber();
        String into = merges.mergedInto(t).orElse(null);
        Instant now = clock.instant();
        if (into != null) {
            // a member said 不满意: it goes back into the group, and the group's case is reopened for everyone
            CaseChange back = CaseChange.from(CaseState.REOPENED).to(CaseState.MERGED).op(op(entry, t)).clear("due")
                    .dropItems(CaseTransitions.ALL_ITEMS).ended().event("rejoin", Actor.OWNER, now, into);
            store.apply(t, back);
            if (CaseState.MERGED.id().equals(store.field(t, "state"))) {
                // also when B was back already: a crash may have come between B's rejoining and A's reopening
                workflow.reopen(into, CaseChange.from(CaseState.REPLIED, CaseState.CLOSED), "reopen-group", null,
                        r.reason() == null ? t : t + ": " + r.reason(), op(entry, "group"));
            }
            return;
        }
        for (String b : merges.group(t)) {
            CaseChange back = CaseChange.from(CaseState.REPLIED, CaseState.CLOSED).to(CaseState.MERGED)
                    .op(op(entry, b)).clear("due")
                    .dropItems(CaseTransitions.ALL_ITEMS).ended().event("rejoin", Actor.SYSTEM, now, t);
            back.notice = notices.write(List.of(new CaseEvent.CaseRejoined(b, t))); // told by MergeNotices
            store.apply(b, back);
        }
    }
}
