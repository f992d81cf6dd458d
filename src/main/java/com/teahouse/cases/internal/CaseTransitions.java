package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link CaseChange} (transition.lua) and says how it went; the workflows ({@link Workflow} for staff,
 * {@link OwnerWorkflow} for the entrepreneur, {@link ClockWorkflow} for deadlines) only say what the change is.
 * Also the deadline items that several changes share (the claim window, a reminder ahead of a deadline).
 */
@Component
class CaseTransitions {

    /** Every deadline item kind a case can have. */
    static final String[] ALL_ITEMS = {"claim-remind", "claim-due", "reply-remind", "reply-due", "rate-due"};

    private final CaseStore store;
    private final ApplicationEventPublisher events;
    private final CaseTally tally;
    private final NoticeCodec notices;
    private final WorkCalendar calendar;
    private final CasesProperties props;

    CaseTransitions(CaseStore store, ApplicationEventPublisher events, CaseTally tally, NoticeCodec notices,
            WorkCalendar calendar, CasesProperties props) {
        this.store = store;
        this.events = events;
        this.tally = tally;
        this.notices = notices;
        this.calendar = calendar;
        this.props = props;
    }

    /**
     * Applies the change with its notices (the events, in the notices stream by the same script: CaseNotices
     * delivers them), then publishes the events in this instance for whatever may miss them after a crash.
     */
    Outcome run(String t, CaseChange change, List<CaseEvent> happened) {
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
            case "not-holder" -> new Outcome(false, Problem.NOT_HOLDER, applied.before(), applied.holder());
            default -> new Outcome(false, Problem.WRONG_STATE, applied.before(), applied.holder());
        };
    }

    Outcome run(String t, CaseChange change, CaseEvent happened) {
        return run(t, change, List.of(happened));
    }

    /** A fresh claim window: its deadline, and a reminder half an hour before. */
    CaseChange claimWindow(CaseChange change, Instant now) {
        Instant claimDue = calendar.plusWorkingTime(now, Duration.ofHours(props.claimHours()));
        change.set("claimDue", claimDue).set("due", claimDue).dropItems("claim-remind").item("claim-due", claimDue);
        return remindBefore(change, "claim-remind", claimDue, now, Duration.ofMinutes(30));
    }

    /** A reminder {@code ahead} of {@code due}, unless that moment has passed already. */
    static CaseChange remindBefore(CaseChange change, String kind, Instant due, Instant now, Duration ahead) {
        Instant at = due.minus(ahead);
        return at.isAfter(now) ? change.item(kind, at) : change;
    }
}
