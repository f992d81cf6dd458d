package com.teahouse.cases;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.CasePolicy.Decision;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** [merge] The target's part of {@link CasePolicy}'s merge rules (并单); only CasePolicy asks these. */
final class MergeRules {

    /** The states a case may be merged from and into: still being worked on under its own number. */
    static final Set<CaseState> MERGEABLE = EnumSet.of(CaseState.NEW, DISPATCHED, CLAIMED, RETURNED, REOPENED);

    private MergeRules() {
    }

    /** Once MERGE on b is allowed: whether {@code into} may be its target. */
    static Decision target(CaseCaller who, CaseRecord b, CaseRecord into, boolean hasGroup) {
        if (into == null || (!who.supervisor() && !who.staffOf(into))) {
            return Decision.refuse("merge.refused.target");
        }
        if (into.trackingNumber().equals(b.trackingNumber())) {
            return Decision.refuse("merge.refused.self");
        }
        if (!MERGEABLE.contains(into.state())) {
            return new Decision(Decision.Verdict.REFUSED, "merge.refused.targetState", into.state(), null);
        }
        if (hasGroup) {
            return Decision.refuse("merge.refused.hasGroup");
        }
        if (!Objects.equals(into.category(), b.category()) && !who.supervisor()) {
            return Decision.refuse("merge.refused.category");
        }
        return Decision.ALLOW;
    }

    /** Once UNMERGE on b is allowed: not after the case it was merged into is resolved (replied or closed). */
    static Decision unmergeTarget(CaseRecord into) {
        if (into != null && (into.state() == REPLIED || into.state() == CLOSED)) {
            return new Decision(Decision.Verdict.REFUSED, "merge.refused.resolved", into.state(), null);
        }
        return Decision.ALLOW;
    }
}
