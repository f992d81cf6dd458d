package com.teahouse.cases.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Action;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseSummary;
import com.teahouse.messaging.Address;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The entrepreneur's side of cases. Opening is idempotent on the submission and durable before it returns; the
 * first dispatch (topic, notices) is a work item stored with the case, tried at once and retried by the
 * scheduler if this instance dies first.
 */
@Component
class OwnerDesk implements CaseDesk {

    private final CaseStore store;
    private final TrackingNumbers numbers;
    private final Catalogue catalogue;
    private final WorkCalendar calendar;
    private final OwnerWorkflow workflow;
    private final DeadlineScheduler scheduler;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CasePolicy policy;

    OwnerDesk(CaseStore store, TrackingNumbers numbers, Catalogue catalogue, WorkCalendar calendar,
            OwnerWorkflow workflow, DeadlineScheduler scheduler, Clock clock, ApplicationEventPublisher events,
            CasePolicy policy) {
        this.policy = policy;
        this.store = store;
        this.numbers = numbers;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.workflow = workflow;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public CaseSummary open(CaseRequest request) {
        if (request.submissionId() == null || request.submissionId().isBlank() || request.owner() == null) {
            throw new IllegalArgumentException("a case needs a submissionId and an owner");
        }
        Optional<String> earlier = store.bySubmission(request.submissionId());
        if (earlier.isPresent()) {
            return summaryOf(earlier.get());
        }
        Catalogue.Category category = catalogue.category(request.category());
        Instant now = clock.instant();
        Instant replyDue = calendar.workingDaysAfter(now, category.days());
        String tracking = numbers.next();
        String stored = store.open(tracking, CaseCodec.fields(tracking, request, category.id(), category.unit(), now,
                replyDue), request.submissionId(), category.unit(), request.owner(), now, replyDue);
        if (!stored.equals(tracking)) {
            return summaryOf(stored);
        }
        events.publishEvent(new CaseEvent.CaseOpened(tracking, request.owner()));
        scheduler.fireNow(tracking, "dispatch");
        return new CaseSummary(tracking, CaseState.NEW.id(), category.id(),
                catalogue.unitName(category.unit(), request.language()), now, replyDue);
    }

    private CaseSummary summaryOf(String tracking) {
        return store.get(tracking).map(this::summary)
                .orElseThrow(() -> new IllegalStateException("case index points to a missing case"));
    }

    @Override
    public List<CaseSummary> casesOf(Address owner) {
        return store.ofOwner(owner, 50).stream().map(this::summary).toList();
    }

    @Override
    public Optional<CaseSummary> find(String trackingNumber, Address owner) {
        return owned(trackingNumber, owner, Action.STATUS).map(this::summary);
    }

    /** The owner reads the unit's name in the case's language; the record keeps the unit's id. */
    private CaseSummary summary(CaseRecord c) {
        CaseSummary s = c.summary();
        return new CaseSummary(s.trackingNumber(), s.state(), s.category(),
                catalogue.unitName(s.unit(), c.language()), s.openedAt(), s.replyDue());
    }

    @Override
    public Optional<Takeover> takeover(Address owner) {
        // asked on every message: one scripted read instead of the index plus every case hash (see takeover.lua)
        return store.takeover(owner);
    }

    @Override
    public String ownerSaid(Takeover takeover, Address owner, String text, String opId) {
        // [takeover lines]
        Optional<CaseRecord> c = owned(takeover.trackingNumber(), owner, Action.STATUS);
        String shown = c.map(r -> r.masked(text)).orElse(text);
        c.ifPresent(r -> workflow.ownerSaid(r.trackingNumber(), shown, opId == null ? null : "owner:" + opId));
        return shown;
        // [/takeover lines]
    }

    @Override
    public void rate(String trackingNumber, Address owner, Rating rating, String comment, String opId) {
        // the comment comes after the rating changed the state, so ownership (STATUS) first, then RATE
        owned(trackingNumber, owner, Action.STATUS).ifPresent(c -> {
            // the dialog asks for a comment after the press and calls again with the same rating: keep the words,
            // but neither change the state again nor publish a second rating
            boolean again = c.state() != CaseState.REPLIED && rating.name().equals(c.rating());
            // the words reach the unit (an unsatisfied one reopens the case in the shared forum): masked as the
            // takeover's words are
            if (again && comment != null && !comment.isBlank()) {
                workflow.comment(c.trackingNumber(), c.masked(comment), opId);
            } else if (!again && policy.decide(CaseCaller.owner(owner), Action.RATE, c).allowed()) {
                workflow.rate(c.trackingNumber(), rating, c.masked(comment), opId);
            }
        });
    }

    @Override
    public void notSolved(String trackingNumber, Address owner, String note) {
        owned(trackingNumber, owner, Action.REOPEN).ifPresent(c -> workflow.reopen(c.trackingNumber(),
                CaseChange.from(CaseState.REPLIED, CaseState.CLOSED), "not-solved", null, c.masked(note), null));
    }

    /**
     * Someone else's number, a malformed one and an unknown one all come back empty, and so does a case the
     * owner may not act on now ({@link CasePolicy}): nothing changes.
     */
    private Optional<CaseRecord> owned(String trackingNumber, Address owner, Action action) {
        if (trackingNumber == null || owner == null) {
            return Optional.empty();
        }
        String t = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (!TrackingNumbers.wellFormed(t)) {
            return Optional.empty();
        }
        CaseCaller caller = CaseCaller.owner(owner);
        return store.get(t).filter(c -> policy.decide(caller, action, c).allowed());
    }
}
