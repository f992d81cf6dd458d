package com.teahouse.cases.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseWork.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The entrepreneur's side of the state machine: what they say while staff hold the case, the rating, its
 * comment, and reopening (不满意, "not solved", or the group of a merged case). One atomic transition each.
 */
@Component
class OwnerWorkflow {

    private final CaseStore store;
    private final WorkCalendar calendar;
    private final Catalogue catalogue;
    private final Clock clock;
    private final CaseTransitions transitions;

    OwnerWorkflow(CaseStore store, WorkCalendar calendar, Catalogue catalogue, Clock clock,
            CaseTransitions transitions) {
        this.store = store;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.clock = clock;
        this.transitions = transitions;
    }

    /**
     * [takeover lines] What the entrepreneur said while staff hold the case (relayed to its topic): kept in the
     * event log, as the case page's conversation shows it; idempotent on the message, like a staff relay.
     */
    Outcome ownerSaid(String t, String text, String op) {
        CaseChange change = CaseChange.from(CLAIMED, REOPENED).op(op).event("owner-message", Actor.OWNER,
                clock.instant(), text);
        return transitions.run(t, change, new CaseEvent.CaseNoted(t, Actor.OWNER, null));
    }

    Outcome rate(String t, Rating rating, String comment, String op) {
        Instant now = clock.instant();
        if (rating == Rating.UNSATISFIED) {
            return reopen(t, CaseChange.from(REPLIED), "rate", Rating.UNSATISFIED.name(), comment, op);
        }
        CaseChange change = CaseChange.from(REPLIED).to(CLOSED).op(op).set("rating", rating.name())
                .set("ratingComment", comment == null ? "" : comment).dropItems(CaseTransitions.ALL_ITEMS).ended()
                .event("rate", Actor.OWNER, now, rating.name() + (comment == null ? "" : ": " + comment));
        return transitions.run(t, change, List.of(new CaseEvent.CaseRated(t, rating),
                new CaseEvent.CaseClosed(t, "rated")));
    }

    /** The entrepreneur's comment on a rating already recorded: logged, no change of state. */
    Outcome comment(String t, String comment, String op) {
        CaseChange change = CaseChange.from(CLOSED, REOPENED).op(op == null ? null : "comment:" + op)
                .set("ratingComment", comment)
                .event("comment", Actor.OWNER, clock.instant(), comment);
        return transitions.run(t, change, new CaseEvent.CaseNoted(t, Actor.OWNER, comment));
    }

    /** Back to the unit and the person who handled it, with a fresh reply deadline. */
    Outcome reopen(String t, CaseChange from, String type, String rating, String note, String op) {
        Instant now = clock.instant();
        Instant due = calendar.workingDaysAfter(now, catalogue.category(store.field(t, "category")).days());
        from.to(REOPENED).op(op).set("replyDue", due).set("due", due).openUntil(due)
                .dropItems(CaseTransitions.ALL_ITEMS).item("reply-due", due).event(type, Actor.OWNER, now, note);
        CaseTransitions.remindBefore(from, "reply-remind", due, now, Duration.ofDays(1));
        if (rating != null) {
            from.set("rating", rating);
        }
        return transitions.run(t, from, new CaseEvent.CaseReopened(t, note));
    }
}
