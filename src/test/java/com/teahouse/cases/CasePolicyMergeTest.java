package com.teahouse.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.messaging.Address;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CasePolicy's 并单 rows (MERGE, UNMERGE, DISMISS), written from the decision table in its javadoc. */
class CasePolicyMergeTest {

    final CasePolicy policy = new CasePolicy(Clock.systemUTC(), t -> Optional.empty());
    final CaseCaller supervisor = CaseCaller.staff(new Actor("web:sup", "督办"), true, false, null);
    final CaseCaller holder = CaseCaller.staff(new Actor("web:li", "李工"), false, true, "iit");
    final CaseCaller colleague = CaseCaller.staff(new Actor("web:wang", "王工"), false, true, "iit");
    final CaseCaller otherUnit = CaseCaller.staff(new Actor("web:tax", "税务"), false, true, "tax");

    static CaseRecord c(String t, CaseState state, String category, String unit, String claimedBy) {
        return new CaseRecord(t, state, CaseRequest.Kind.COMPLAINT, category, unit, "工程款未付", List.of(), "奎文区",
                "某公司", null, null, null, false, "zh", Address.of("telegram", "1"), List.of(), Instant.now(), null,
                null, null, null, claimedBy, claimedBy == null ? null : "李工", false, null, null, null);
    }

    @Test
    void mergeNeedsTheHolderOrASupervisorAndAnOpenVisibleTargetOfTheSameCategory() {
        CaseRecord b = c("B", CaseState.CLAIMED, "payment", "iit", "web:li");
        CaseRecord a = c("A", CaseState.DISPATCHED, "payment", "iit", null);
        assertThat(policy.decideMerge(holder, b, a, false).allowed()).isTrue();
        assertThat(policy.decideMerge(supervisor, b, a, false).allowed()).isTrue();
        assertThat(policy.decideMerge(colleague, b, a, false).key()).isEqualTo("access.refused.holder");
        assertThat(policy.decideMerge(otherUnit, b, a, false).hidden()).isTrue();
        assertThat(policy.decideMerge(supervisor, b, b, false).key()).isEqualTo("merge.refused.self");
        assertThat(policy.decideMerge(supervisor, b, null, false).key()).isEqualTo("merge.refused.target");
        assertThat(policy.decideMerge(holder, b, c("T", CaseState.DISPATCHED, "tax", "tax", null), false).key())
                .isEqualTo("merge.refused.target");
        CaseRecord otherCategory = c("F", CaseState.DISPATCHED, "fees", "iit", null);
        assertThat(policy.decideMerge(holder, b, otherCategory, false).key()).isEqualTo("merge.refused.category");
        assertThat(policy.decideMerge(supervisor, b, otherCategory, false).allowed()).isTrue();
        for (CaseState s : List.of(CaseState.CLOSED, CaseState.DECLINED, CaseState.MERGED, CaseState.REPLIED)) {
            assertThat(policy.decideMerge(supervisor, b, c("A", s, "payment", "iit", null), false).key())
                    .as(s.id()).isEqualTo("merge.refused.targetState");
            assertThat(policy.decideMerge(supervisor, c("B", s, "payment", "iit", null), a, false).allowed())
                    .as("from " + s.id()).isFalse();
        }
        assertThat(policy.decideMerge(supervisor, b, a, true).key()).isEqualTo("merge.refused.hasGroup");
    }

    @Test
    void unmergeUntilTheTargetIsResolved() {
        CaseRecord b = c("B", CaseState.MERGED, "payment", "iit", null);
        assertThat(policy.decideUnmerge(colleague, b, c("A", CaseState.CLAIMED, "payment", "iit", "x")).allowed())
                .isTrue();
        assertThat(policy.decideUnmerge(supervisor, b, c("A", CaseState.DECLINED, "payment", "iit", null))
                .allowed()).isTrue();
        assertThat(policy.decideUnmerge(supervisor, b, c("A", CaseState.REPLIED, "payment", "iit", null)).key())
                .isEqualTo("merge.refused.resolved");
        assertThat(policy.decideUnmerge(otherUnit, b, null).hidden()).isTrue();
        assertThat(policy.decideUnmerge(supervisor, c("B", CaseState.CLAIMED, "payment", "iit", null), null)
                .allowed()).isFalse();
    }

    @Test
    void dismissByAnyoneOfTheUnitWhileOpen() {
        assertThat(policy.decide(colleague, CasePolicy.Action.DISMISS, c("B", CaseState.DISPATCHED, "payment",
                "iit", null)).allowed()).isTrue();
        assertThat(policy.decide(colleague, CasePolicy.Action.DISMISS, c("B", CaseState.CLOSED, "payment",
                "iit", null)).allowed()).isFalse();
    }
}
