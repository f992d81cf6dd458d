package com.teahouse.cases;

/**
 * What happened to a case. Each change stores its events in the notices stream with the change itself (as JSON,
 * by record name: keep the records plain data), and {@link CaseNoticeTarget}s get them from there, once, even
 * across a crash; {@link CaseChanged} carries them to every instance. They are also published as Spring
 * application events after the change is stored, in the instance that made it, for what may be lost on a crash.
 */
public sealed interface CaseEvent {

    String trackingNumber();

    /** Stored; state new. {@code owner}: the chat that opened it (a web chat rotates its id then), null if unknown. */
    record CaseOpened(String trackingNumber, com.teahouse.messaging.Address owner) implements CaseEvent {

        public CaseOpened(String trackingNumber) {
            this(trackingNumber, null);
        }
    }

    /** Routed to a unit (first time, after a transfer, or re-routed): waiting for a claim. */
    record CaseDispatched(String trackingNumber, String unit, boolean first) implements CaseEvent {
    }

    record CaseClaimed(String trackingNumber, Actor by) implements CaseEvent {
    }

    /** The reply went to the entrepreneur, who is asked for a rating. */
    record CaseResolved(String trackingNumber, Actor by, String reply) implements CaseEvent {
    }

    record CaseReturned(String trackingNumber, Actor by, String reason) implements CaseEvent {
    }

    record CaseReopened(String trackingNumber, String reason) implements CaseEvent {
    }

    record CaseRated(String trackingNumber, CaseDesk.Rating rating) implements CaseEvent {
    }

    record CaseClosed(String trackingNumber, String why) implements CaseEvent {
    }

    record CaseDeclined(String trackingNumber, CaseWork.DeclineRoute route, String reason) implements CaseEvent {
    }

    record DeadlineExtended(String trackingNumber, String explanation) implements CaseEvent {
    }

    record CaseNoted(String trackingNumber, Actor by, String text) implements CaseEvent {
    }

    /** A deadline comes near: {@code which} is "claim" or "reply". */
    record DeadlineApproaching(String trackingNumber, String which) implements CaseEvent {
    }

    /** A deadline was missed: the case is now under supervision (督办). */
    record CaseUnderSupervision(String trackingNumber, String which) implements CaseEvent {
    }

    // [merge]
    /** 并单: this case (B) is now handled together with {@code into} (A), under A's number. */
    record CaseMerged(String trackingNumber, String into, Actor by) implements CaseEvent {
    }

    /** This case (B) left the group of {@code from} and is dispatched again to its unit. */
    record CaseUnmerged(String trackingNumber, String from, Actor by) implements CaseEvent {
    }

    /** This case (B) is back in the group of {@code into}, because that case was reopened. */
    record CaseRejoined(String trackingNumber, String into) implements CaseEvent {
    }

    /** Staff said {@code text} to this case's entrepreneur; it is relayed to the cases merged into it. */
    record StaffSaid(String trackingNumber, Actor by, String text) implements CaseEvent {
    }
    // [/merge]
}
