package com.teahouse.cases.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.DECLINED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The staff's side of the state machine: which change may start from which state, what it does to deadlines,
 * and which event it publishes once stored. Each method is one atomic transition ({@link CaseTransitions});
 * a refused one changes nothing and says why. The entrepreneur's changes are {@link OwnerWorkflow}'s, the
 * deadlines' {@link ClockWorkflow}'s.
 */
@Component
class Workflow {

    private final CaseStore store;
    private final WorkCalendar calendar;
    private final Catalogue catalogue;
    private final CasesProperties props;
    private final Clock clock;
    private final CaseTransitions transitions;

    Workflow(CaseStore store, WorkCalendar calendar, Catalogue catalogue, CasesProperties props, Clock clock,
            CaseTransitions transitions) {
        this.store = store;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.props = props;
        this.clock = clock;
        this.transitions = transitions;
    }

    Outcome claim(String t, Actor actor, String op) {
        Instant now = clock.instant();
        // no holder check: the state is the race guard (the first claim moves it on), and a reopened case keeps
        // its former holder, whom any colleague of the unit may take over from
        CaseChange change = CaseChange.from(DISPATCHED, REOPENED).to(CLAIMED).op(op)
                .set("claimedBy", actor.id()).set("claimedByName", actor.name())
                .set("due", store.field(t, "replyDue")).dropItems("claim-remind", "claim-due")
                .event("claim", actor, now, null);
        return transitions.run(t, change, new CaseEvent.CaseClaimed(t, actor));
    }

    /** On behalf of the holder (a supervisor): the holder is neither checked nor replaced. */
    Outcome resolve(String t, Actor actor, String reply, String op, boolean onBehalfOfHolder) {
        if (reply == null || reply.isBlank()) {
            return new Outcome(false, Problem.BAD_INPUT, null, null);
        }
        Instant now = clock.instant();
        Instant rateDue = now.plus(Duration.ofDays(props.rateDays()));
        CaseChange change = CaseChange.from(DISPATCHED, CLAIMED, REOPENED).to(REPLIED).op(op);
        if (!onBehalfOfHolder) {
            change.heldBy(actor).set("claimedBy", actor.id()).set("claimedByName", actor.name());
        }
        change.set("resolution", reply).set("repliedAt", now).set("due", rateDue)
                .dropItems(CaseTransitions.ALL_ITEMS).item("rate-due", rateDue).supervised(false)
                .event("resolve", actor, now, reply);
        return transitions.run(t, change, new CaseEvent.CaseResolved(t, actor, reply));
    }

    /** 转办 by the unit, or re-routing by a supervisor: to a unit, unclaimed, with a new claim window. */
    Outcome route(String t, Actor actor, String unit, String type, boolean holderOnly, String op) {
        if (unit == null || !catalogue.hasUnit(unit)) {
            return new Outcome(false, Problem.BAD_INPUT, null, null);
        }
        Instant now = clock.instant();
        CaseChange change = transitions.claimWindow(CaseChange.from(DISPATCHED, CLAIMED, REOPENED, RETURNED)
                .to(DISPATCHED), now).op(op).set("unit", unit).clear("claimedBy", "claimedByName")
                .event(type, actor, now, unit);
        if (holderOnly) {
            change.heldBy(actor);
        }
        return transitions.run(t, change, new CaseEvent.CaseDispatched(t, unit, false));
    }

    Outcome giveBack(String t, Actor actor, String reason, String op) {
        Instant now = clock.instant();
        CaseChange change = CaseChange.from(DISPATCHED, CLAIMED, REOPENED).to(RETURNED).heldBy(actor).op(op)
                .clear("claimedBy", "claimedByName").dropItems("claim-remind", "claim-due")
                .event("return", actor, now, reason);
        return transitions.run(t, change, new CaseEvent.CaseReturned(t, actor, reason));
    }

    /**
     * 不予受理 (F7): the states and who may are checked in the same script as the write, as {@link CasePolicy}
     * has them, so a case re-routed, returned or claimed by someone else after the policy said yes is refused.
     * The holder: only a case claimed, and held by this actor now ({@link Problem#NOT_HOLDER} otherwise). A
     * supervisor ({@code asSupervisor}): a case dispatched or claimed, whoever holds it.
     */
    Outcome decline(String t, Actor actor, DeclineRoute route, String reason, String op, boolean asSupervisor) {
        Instant now = clock.instant();
        CaseChange change = asSupervisor ? CaseChange.from(DISPATCHED, CLAIMED)
                : CaseChange.from(CLAIMED).heldOnlyBy(actor);
        change.to(DECLINED).op(op).set("declineRoute", route.name()).set("resolution", reason == null ? "" : reason)
                .dropItems(CaseTransitions.ALL_ITEMS).dropItems("dispatch").ended()
                .event("decline", actor, now, route.name() + ": " + reason);
        return transitions.run(t, change, new CaseEvent.CaseDeclined(t, route, reason));
    }

    Outcome extend(String t, Actor actor, int days, String explanation, String op) {
        Instant now = clock.instant();
        Instant current = CaseCodec.instant(store.field(t, "replyDue"));
        if (days < 1 || days > CasePolicy.MAX_EXTEND_DAYS || current == null) {
            return new Outcome(false, Problem.BAD_INPUT, null, null);
        }
        Instant due = calendar.workingDaysAfter(current, days);
        CaseChange change = CaseChange.from(DISPATCHED, CLAIMED, REOPENED, RETURNED).op(op).set("replyDue", due)
                .openUntil(due).item("reply-due", due).event("extend", actor, now, days + ": " + explanation);
        if (!DISPATCHED.id().equals(store.field(t, "state"))) {
            change.set("due", due);
        }
        CaseTransitions.remindBefore(change, "reply-remind", due, now, Duration.ofDays(1));
        return transitions.run(t, change, new CaseEvent.DeadlineExtended(t, explanation));
    }

    Outcome note(String t, Actor actor, String text, String op) {
        CaseChange change = CaseChange.fromAny().op(op).event("note", actor, clock.instant(), text);
        return transitions.run(t, change, new CaseEvent.CaseNoted(t, actor, text));
    }

    Outcome contactShown(String t, Actor actor, String reason, String op) {
        CaseChange change = CaseChange.fromAny().op(op).event("contact", actor, clock.instant(), reason);
        return transitions.run(t, change, new CaseEvent.CaseNoted(t, actor, null));
    }

    Outcome said(String t, Actor actor, String text, String op, boolean onBehalfOfHolder) {
        CaseChange change = CaseChange.from(CLAIMED, REOPENED).op(op).event("message", actor, clock.instant(), text);
        if (!onBehalfOfHolder) {
            change.heldBy(actor);
        }
        // [merge] StaffSaid: the words reach the merged cases' entrepreneurs through the notices stream too
        return transitions.run(t, change, List.of(new CaseEvent.CaseNoted(t, actor, null),
                new CaseEvent.StaffSaid(t, actor, text)));
    }
}
