package com.teahouse.cases.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.NEW;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseWork.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the deadlines do to a case ({@link DeadlineScheduler} fires them): the first dispatch, reminders,
 * supervision (督办) of a missed deadline, and closing a reply nobody rated. One atomic transition each.
 */
@Component
class ClockWorkflow {

    private final CaseStore store;
    private final CasesProperties props;
    private final Clock clock;
    private final CaseTransitions transitions;

    ClockWorkflow(CaseStore store, CasesProperties props, Clock clock, CaseTransitions transitions) {
        this.store = store;
        this.props = props;
        this.clock = clock;
        this.transitions = transitions;
    }

    Outcome dispatch(String t, String op) {
        Instant now = clock.instant();
        Instant replyDue = CaseCodec.instant(store.field(t, "replyDue"));
        String unit = store.field(t, "unit");
        CaseChange change = transitions.claimWindow(CaseChange.from(NEW).to(DISPATCHED), now).op(op)
                .event("dispatch", Actor.SYSTEM, now, unit);
        if (replyDue != null) {
            change.item("reply-due", replyDue);
            CaseTransitions.remindBefore(change, "reply-remind", replyDue, now, Duration.ofDays(1));
        }
        return transitions.run(t, change, new CaseEvent.CaseDispatched(t, unit, true));
    }

    Outcome closeUnrated(String t, String op) {
        CaseChange change = CaseChange.from(REPLIED).to(CLOSED).op(op).dropItems(CaseTransitions.ALL_ITEMS).ended()
                .event("close", Actor.SYSTEM, clock.instant(), "no rating within " + props.rateDays() + " days");
        return transitions.run(t, change, new CaseEvent.CaseClosed(t, "unrated"));
    }

    Outcome supervise(String t, String which, String op) {
        CaseChange change = CaseChange.from(NEW, DISPATCHED, CLAIMED, REOPENED, RETURNED).op(op)
                .set("supervised", "1").supervised(true).event("supervise", Actor.SYSTEM, clock.instant(), which);
        return transitions.run(t, change, new CaseEvent.CaseUnderSupervision(t, which));
    }

    Outcome remind(String t, String which, CaseChange from, String op) {
        from.op(op).event("remind", Actor.SYSTEM, clock.instant(), which);
        return transitions.run(t, from, new CaseEvent.DeadlineApproaching(t, which));
    }
}
