package com.teahouse.cases;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.CasePolicy.Action;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CasePolicy.Input;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cells of {@link CasePolicy}'s decision table: who (roles, holder), in which states, with what input. Only
 * CasePolicy asks these; they are split out to keep each part readable, not to be a second policy.
 */
final class CaseRules {

    private final Clock clock;
    private final Function<String, Optional<Instant>> closedAt;

    CaseRules(Clock clock, Function<String, Optional<Instant>> closedAt) {
        this.clock = clock;
        this.closedAt = closedAt;
    }

    /** Why this staff caller's role does not allow the action (a key of access.yaml), or null when it does. */
    static String roleProblem(CaseCaller who, Action what, CaseRecord c) {
        boolean sup = who.supervisor();
        return switch (what) {
            case SEE, CLAIM, NOTE -> null;
            case SEE_CONTACT -> c.confidential() && !sup ? "access.refused.supervisor" : null;
            case RELAY, RESOLVE, DECLINE -> sup || who.holds(c) ? null : "access.refused.holder";
            case RETURN -> !who.staffOf(c) ? "access.refused.unit"
                    : c.state() == CLAIMED && !who.holds(c) ? "access.refused.holder" : null;
            case TRANSFER, EXTEND, REOPEN -> sup ? null : "access.refused.supervisor";
            case RATE, STATUS -> "access.refused.owner";
            // [merge]
            case MERGE -> sup || who.holds(c) ? null : "access.refused.holder";
            case UNMERGE, DISMISS -> null;
            // [/merge]
        };
    }

    boolean inState(Action what, CaseRecord c) {
        CaseState s = c.state();
        return switch (what) {
            case SEE, SEE_CONTACT, STATUS -> true;
            case CLAIM -> s == DISPATCHED || s == REOPENED;
            case RELAY, RESOLVE -> s == CLAIMED;
            case NOTE -> s != CLOSED;
            case RETURN, EXTEND, DECLINE -> s == DISPATCHED || s == CLAIMED;
            case TRANSFER -> s == DISPATCHED || s == RETURNED || s == CLAIMED;
            case RATE -> s == REPLIED;
            // [merge]
            case MERGE, DISMISS -> MergeRules.MERGEABLE.contains(s);
            case UNMERGE -> s == CaseState.MERGED;
            // [/merge]
            case REOPEN -> s == REPLIED || (s == CLOSED && closedAt.apply(c.trackingNumber())
                    .map(at -> !clock.instant().isAfter(at.plus(CasePolicy.REOPEN_WINDOW))).orElse(false));
        };
    }

    /** The input an allowed action needs: a reason, a text, 1–30 days. */
    static Decision input(Action what, CaseRecord c, Input in) {
        String text = in == null || in.text() == null ? "" : in.text().strip();
        return switch (what) {
            case EXTEND -> in == null || in.days() == null || in.days() < 1 || in.days() > CasePolicy.MAX_EXTEND_DAYS
                    ? Decision.refuse("access.refused.days") : needs(text, "access.refused.reason");
            case DECLINE, RETURN -> needs(text, "access.refused.reason");
            case SEE_CONTACT -> c.confidential() ? needs(text, "access.refused.contact_reason") : Decision.ALLOW;
            case RESOLVE, RELAY, NOTE -> needs(text, "access.refused.text");
            default -> Decision.ALLOW;
        };
    }

    static Decision refusedState(CaseRecord c) {
        if (c.state() == CLAIMED && c.claimedByName() != null) {
            return new Decision(Decision.Verdict.REFUSED, "access.refused.claimed", c.state(), c.claimedByName());
        }
        return new Decision(Decision.Verdict.REFUSED, "access.refused.state", c.state(), null);
    }

    private static Decision needs(String text, String key) {
        return text.isEmpty() ? Decision.refuse(key) : Decision.ALLOW;
    }
}
