package com.teahouse.cases.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DECLINED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.NEW;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The state machine of a case: which change may start from which state, what it does to deadlines, and which
 * event it publishes once stored. Each method is one atomic transition (transition.lua); a refused one changes
 * nothing and says why.
 */
@Component
class Workflow {

    static final String[] ALL_ITEMS = {"claim-remind", "claim-due", "reply-remind", "reply-due", "rate-due"};

    private final CaseStore store;
    private final WorkCalendar calendar;
    private final Catalogue catalogue;
    private final CasesProperties props;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseTally tally;
    private final NoticeCodec notices;

    Workflow(CaseStore store, WorkCalendar calendar, Catalogue catalogue, CasesProperties props, Clock clock,
            ApplicationEventPublisher events, CaseTally tally, NoticeCodec notices) {
        this.tally = tally;
        this.notices = notices;
        this.store = store;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.props = props;
        this.clock = clock;
        this.events = events;
    }

    Outcome dispatch(String t, String op) {
        Instant now = clock.instant();
        Instant replyDue = CaseCodec.instant(store.field(t, "replyDue"));
        CaseChange change = claimWindow(CaseChange.from(NEW).to(DISPATCHED), now).op(op)
                .event("dispatch", Actor.SYSTEM, now, store.field(t, "unit"));
        if (replyDue != null) {
            change.item("reply-due", replyDue);
            remindBefore(change, "reply-remind", replyDue, now, Duration.ofDays(1));
        }
        return run(t, change, () -> new CaseEvent.CaseDispatched(t, store.field(t, "unit"), true));
    }

    Outcome claim(String t, Actor actor, String op) {
        Instant now = clock.instant();
        // no holder check: the state is the race guard (the first claim moves it on), and a reopened case keeps
        // its former holder, whom any colleague of the unit may take over from
        CaseChange change = CaseChange.from(DISPATCHED, REOPENED).to(CLAIMED).op(op)
                .set("claimedBy", actor.id()).set("claimedByName", actor.name())
                .set("due", store.field(t, "replyDue")).dropItems("claim-remind", "claim-due")
                .event("claim", actor, now, null);
        return run(t, change, () -> new CaseEvent.CaseClaimed(t, actor));
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
        change.set("resolution", reply).set("repliedAt", now).set("due", rateDue).dropItems(ALL_ITEMS)
                .item("rate-due", rateDue).supervised(false).event("resolve", actor, now, reply);
        return run(t, change, () -> new CaseEvent.CaseResolved(t, actor, reply));
    }

    /** 转办 by the unit, or re-routing by a supervisor: to a unit, unclaimed, with a new claim window. */
    Outcome route(String t, Actor actor, String unit, String type, boolean holderOnly, String op) {
        if (unit == null || !catalogue.hasUnit(unit)) {
            return new Outcome(false, Problem.BAD_INPUT, null, null);
        }
        Instant now = clock.instant();
        CaseChange change = claimWindow(CaseChange.from(DISPATCHED, CLAIMED, REOPENED, RETURNED).to(DISPATCHED),
                now).op(op).set("unit", unit).clear("claimedBy", "claimedByName").event(type, actor, now, unit);
        if (holderOnly) {
            change.heldBy(actor);
        }
        return run(t, change, () -> new CaseEvent.CaseDispatched(t, unit, false));
    }

    Outcome giveBack(String t, Actor actor, String reason, String op) {
        Instant now = clock.instant();
        CaseChange change = CaseChange.from(DISPATCHED, CLAIMED, REOPENED).to(RETURNED).heldBy(actor).op(op)
                .clear("claimedBy", "claimedByName").dropItems("claim-remind", "claim-due")
                .event("return", actor, now, reason);
        return run(t, change, () -> new CaseEvent.CaseReturned(t, actor, reason));
    }

    Outcome decline(String t, Actor actor, DeclineRoute route, String reason, String op) {
        Instant now = clock.instant();
        CaseChange change = CaseChange.from(NEW, DISPATCHED, CLAIMED, REOPENED, RETURNED).to(DECLINED).op(op)
                .set("declineRoute", route.name()).set("resolution", reason == null ? "" : reason)
                .dropItems(ALL_ITEMS).dropItems("dispatch").ended()
                .event("decline", actor, now, route.name() + ": " + reason);
        return run(t, change, () -> new CaseEvent.CaseDeclined(t, route, reason));
    }

    Outcome extend(String t, Actor actor, int days, String explanation, String op) {
        Instant now = clock.instant();
        Instant current = CaseCodec.instant(store.field(t, "replyDue"));
        if (days < 1 || days > com.teahouse.cases.CasePolicy.MAX_EXTEND_DAYS || current == null) {
            return new Outcome(false, Problem.BAD_INPUT, null, null);
        }
        Instant due = calendar.workingDaysAfter(current, days);
        CaseChange change = CaseChange.from(DISPATCHED, CLAIMED, REOPENED, RETURNED).op(op).set("replyDue", due)
                .openUntil(due).item("reply-due", due).event("extend", actor, now, days + ": " + explanation);
        if (!DISPATCHED.id().equals(store.field(t, "state"))) {
            change.set("due", due);
        }
        remindBefore(change, "reply-remind", due, now, Duration.ofDays(1));
        return run(t, change, () -> new CaseEvent.DeadlineExtended(t, explanation));
    }

    Outcome note(String t, Actor actor, String text, String op) {
        CaseChange change = CaseChange.fromAny().op(op).event("note", actor, clock.instant(), text);
        return run(t, change, () -> new CaseEvent.CaseNoted(t, actor, text));
    }

    Outcome contactShown(String t, Actor actor, String reason, String op) {
        CaseChange change = CaseChange.fromAny().op(op).event("contact", actor, clock.instant(), reason);
        return run(t, change, () -> new CaseEvent.CaseNoted(t, actor, null));
    }

    Outcome said(String t, Actor actor, String text, String op, boolean onBehalfOfHolder) {
        CaseChange change = CaseChange.from(CLAIMED, REOPENED).op(op).event("message", actor, clock.instant(), text);
        if (!onBehalfOfHolder) {
            change.heldBy(actor);
        }
        // [merge] StaffSaid: the words reach the merged cases' entrepreneurs through the notices stream too
        return run(t, change, List.of(new CaseEvent.CaseNoted(t, actor, null),
                new CaseEvent.StaffSaid(t, actor, text)));
    }

    /**
     * [takeover lines] What the entrepreneur said while staff hold the case (relayed to its topic): kept in the
     * event log, as the case page's conversation shows it; idempotent on the message, like a staff relay.
     */
    Outcome ownerSaid(String t, String text, String op) {
        CaseChange change = CaseChange.from(CLAIMED, REOPENED).op(op).event("owner-message", Actor.OWNER,
                clock.instant(), text);
        return run(t, change, () -> new CaseEvent.CaseNoted(t, Actor.OWNER, null));
    }

    Outcome rate(String t, Rating rating, String comment, String op) {
        Instant now = clock.instant();
        if (rating == Rating.UNSATISFIED) {
            return reopen(t, CaseChange.from(REPLIED), "rate", Rating.UNSATISFIED.name(), comment, op);
        }
        CaseChange change = CaseChange.from(REPLIED).to(CLOSED).op(op).set("rating", rating.name())
                .set("ratingComment", comment == null ? "" : comment).dropItems(ALL_ITEMS).ended()
                .event("rate", Actor.OWNER, now, rating.name() + (comment == null ? "" : ": " + comment));
        return run(t, change, List.of(new CaseEvent.CaseRated(t, rating), new CaseEvent.CaseClosed(t, "rated")));
    }

    /** The entrepreneur's comment on a rating already recorded: logged, no change of state. */
    Outcome comment(String t, String comment, String op) {
        CaseChange change = CaseChange.from(CLOSED, REOPENED).op(op == null ? null : "comment:" + op)
                .set("ratingComment", comment)
                .event("comment", Actor.OWNER, clock.instant(), comment);
        return run(t, change, () -> new CaseEvent.CaseNoted(t, Actor.OWNER, comment));
    }

    /** Back to the unit and the person who handled it, with a fresh reply deadline. */
    Outcome reopen(String t, CaseChange from, String type, String rating, String note, String op) {
        Instant now = clock.instant();
        Instant due = calendar.workingDaysAfter(now, catalogue.category(store.field(t, "category")).days());
        from.to(REOPENED).op(op).set("replyDue", due).set("due", due).openUntil(due).dropItems(ALL_ITEMS)
                .item("reply-due", due).event(type, Actor.OWNER, now, note);
        remindBefore(from, "reply-remind", due, now, Duration.ofDays(1));
        if (rating != null) {
            from.set("rating", rating);
        }
        return run(t, from, () -> new CaseEvent.CaseReopened(t, note));
    }

    Outcome closeUnrated(String t, String op) {
        CaseChange change = CaseChange.from(REPLIED).to(CLOSED).op(op).dropItems(ALL_ITEMS).ended()
                .event("close", Actor.SYSTEM, clock.instant(), "no rating within " + props.rateDays() + " days");
        return run(t, change, () -> new CaseEvent.CaseClosed(t, "unrated"));
    }

    Outcome supervise(String t, String which, String op) {
        CaseChange change = CaseChange.from(NEW, DISPATCHED, CLAIMED, REOPENED, RETURNED).op(op)
                .set("supervised", "1").supervised(true).event("supervise", Actor.SYSTEM, clock.instant(), which);
        return run(t, change, () -> new CaseEvent.CaseUnderSupervision(t, which));
    }

    Outcome remind(String t, String which, CaseChange from, String op) {
        from.op(op).event("remind", Actor.SYSTEM, clock.instant(), which);
        return run(t, from, () -> new CaseEvent.DeadlineApproaching(t, which));
    }

    private CaseChange claimWindow(CaseChange change, Instant now) {
        Instant claimDue = calendar.plusWorkingTime(now, Duration.ofHours(props.claimHours()));
        change.set("claimDue", claimDue).set("due", claimDue).dropItems("claim-remind").item("claim-due", claimDue);
        return remindBefore(change, "claim-remind", claimDue, now, Duration.ofMinutes(30));
    }

    private static CaseChange remindBefore(CaseChange change, String kind, Instant due, Instant now, Duration ahead) {
        Instant at = due.minus(ahead);
        return at.isAfter(now) ? change.item(kind, at) : change;
    }

    private Outcome run(String t, CaseChange change, Supplier<CaseEvent> event) {
        return run(t, change, List.of(event.get()));
    }

    /**
     * Applies the change with its notices (the events, in the notices stream by the same script: CaseNotices
     * delivers them), then publishes the events in this instance for whatever may miss them after a crash.
     */
    private Outcome run(String t, CaseChange change, List<CaseEvent> happened) {
        change.notice = notices.write(happened);
        tally.measure(t, change); // the reports counters, written by the same script (CaseTally)
        CaseStore.Applied applied = store.apply(t, change);
        return switch (applied.outcome()) {
            case "ok" -> {
                happened.forEach(events::publishEvent);
                yield new Outcome(true, Problem.NONE,
                        change.to.isEmpty() ? applied.before() : CaseState.of(change.to), applied.holder());
            }
            case "unknown" -> Outcome.unknown();
            case "repeated" -> new Outcome(false, Problem.REPEATED, applied.before(), applied.holder());
            default -> new Outcome(false, Problem.WRONG_STATE, applied.before(), applied.holder());
        };
    }
}
