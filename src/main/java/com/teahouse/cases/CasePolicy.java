package com.teahouse.cases;

import com.teahouse.cases.CaseWork.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one authorization policy for cases: the console API, the Telegram staff forum and the owner's side of the
 * conversation all ask it before they change or show a case. It decides from the caller ({@link CaseCaller}:
 * roles, unit, holdership, ownership), the action and the case's state. {@link CaseWork} still refuses a stale
 * change atomically (a claim race, a holder who changed meanwhile); this class says who may try at all, and
 * gives the polite reason (a key of {@code dialogs/texts/access.yaml}) when not; {@link #refusalOf(CaseWork.Outcome)}
 * words such an atomic refusal the same way. The table's cells are {@link CaseRules}' and {@link MergeRules}'
 * (package-private: nothing else decides).
 *
 * <p>The product owner's decision table (12345 practice: the centre's supervisors dispatch, re-route, extend
 * and supervise; a handling unit claims, answers or returns; the entrepreneur who filed a case owns it):
 * <pre>
 * action                     allowed                    states
 * SEE (no personal data)     unit staff, supervisor     any; other units: as if it did not exist (404)
 * SEE_CONTACT non-confid.    unit staff, supervisor     any; behind a "show contact" step, logged
 * SEE_CONTACT confidential   supervisor                 any; logged, with a reason
 * CLAIM 接单                  unit staff, supervisor     dispatched (also after a re-route), reopened
 * RELAY to the entrepreneur  holder, supervisor         claimed
 * NOTE 备注 (internal)        unit staff, supervisor     any but closed
 * RESOLVE 办结答复             holder, supervisor         claimed
 * RETURN 退回, with a reason  unit staff, holder         dispatched, claimed (claimed: the holder only)
 * TRANSFER 改派/转办           supervisor                 dispatched, returned, claimed
 * EXTEND 延期 1–30 days+reason supervisor                dispatched, claimed
 * DECLINE 不予受理 +reason     holder, supervisor         dispatched, claimed
 * REOPEN                     owner, supervisor          replied, closed within 30 days
 * RATE 回访                   owner, once per reply      replied
 * STATUS and notices         owner                      any; someone else's number = an unknown one
 * MERGE 并单 B into A          holder of B, supervisor    B: new, dispatched, claimed, returned, reopened;
 *                                                       A: the same states, not B itself, same category
 *                                                       (another category: supervisor only), A visible
 * UNMERGE 撤销并单             unit staff of B, supervisor B: merged, while A is not yet replied or closed
 * DISMISS a 并单 candidate     unit staff, supervisor     any open state
 * </pre>
 * A merged case (B) has no work of its own: it follows A (A's reply and resolution reach B's entrepreneur, who
 * rates B; a 不满意 on B reopens A for the whole group).
 * Actors: unit staff = role STAFF whose unit is the case's current unit; holder = the one who claimed it;
 * supervisor = role SUPERVISOR, and the bootstrap ids of {@code teahouse.telegram.staff-user-ids}; ADMIN acts on
 * cases only if also SUPERVISOR; POLICY_EDITOR has no case access; anyone else is refused politely and nothing
 * changes. Group chats are never owners (the dialog asks them to write privately).
 */public final class CasePolicy {

    public static final int MAX_EXTEND_DAYS = 30;
    static final Duration REOPEN_WINDOW = Duration.ofDays(30);

    public enum Action {
        SEE, SEE_CONTACT, CLAIM, RELAY, NOTE, RESOLVE, RETURN, TRANSFER, EXTEND, DECLINE, REOPEN, RATE, STATUS,
        MERGE, UNMERGE, DISMISS;

        boolean ownersAction() {
            return this == RATE || this == STATUS;
        }
    }

    /**
     * ALLOWED; HIDDEN: answer as for an unknown case; REFUSED: say {@code key} (with the case's {@code state},
     * or who {@code holds} it), change nothing.
     */
    public record Decision(Verdict verdict, String key, CaseState state, String holder) {

        public enum Verdict { ALLOWED, HIDDEN, REFUSED }

        static final Decision ALLOW = new Decision(Verdict.ALLOWED, null, null, null);
        static final Decision HIDE = new Decision(Verdict.HIDDEN, null, null, null);

        static Decision refuse(String key) {
            return new Decision(Verdict.REFUSED, key, null, null);
        }

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }

        public boolean hidden() {
            return verdict == Verdict.HIDDEN;
        }
    }

    /** What an action carries: the reason or text, and the days of an extension. Null when none. */
    public record Input(String text, Integer days) {
        public static final Input NONE = new Input(null, null);

        public static Input text(String text) {
            return new Input(text, null);
        }
    }

    private final CaseRules rules;

    /** @param closedAt when a case was closed (for the reopen window), from its event log */
    public CasePolicy(Clock clock, Function<String, Optional<Instant>> closedAt) {
        this.rules = new CaseRules(clock, closedAt);
    }

    /** Who may try this action on this case now, without looking at its input (to offer a prompt or a button). */
    public Decision decide(CaseCaller who, Action what, CaseRecord c) {
        if (what.ownersAction() || (what == Action.REOPEN && !who.handlesCases())) {
            if (!who.owns(c)) {
                return Decision.HIDE;
            }
            return rules.inState(what, c) ? Decision.ALLOW : CaseRules.refusedState(c);
        }
        if (!who.handlesCases()) {
            return Decision.refuse("access.refused.staff");
        }
        if (!who.supervisor() && !who.staffOf(c)) {
            return Decision.HIDE;
        }
        String role = CaseRules.roleProblem(who, what, c);
        if (role != null) {
            return Decision.refuse(role);
        }
        return rules.inState(what, c) ? Decision.ALLOW : CaseRules.refusedState(c);
    }

    /** {@link #decide(CaseCaller, Action, CaseRecord)}, then the input the action needs. */
    public Decision decide(CaseCaller who, Action what, CaseRecord c, Input in) {
        Decision d = decide(who, what, c);
        return d.allowed() ? CaseRules.input(what, c, in) : d;
    }

    /**
     * A change the policy allowed but {@link CaseWork} refused atomically because the caller no longer holds the
     * case ({@link Outcome.Problem#NOT_HOLDER}: someone claimed it, or it was re-routed or returned meanwhile):
     * the same refusal the policy gives a non-holder, so every caller says the same. Null for any other outcome.
     */
    public Decision refusalOf(Outcome o) {
        if (o == null || o.problem() != Outcome.Problem.NOT_HOLDER) {
            return null;
        }
        return new Decision(Decision.Verdict.REFUSED, "access.refused.holder", o.state(), null);
    }

    /**
     * The reports rule (issue 11): whose figures the caller may see. A supervisor sees every unit's, or the one
     * asked for; unit staff see their own unit's only (asking for none gives their own); nobody else sees any.
     *
     * @param unit    the unit whose figures to show, null for every unit
     * @param refusal when not allowed, a key of {@code dialogs/texts/reports.yaml}
     */
    public record ReportScope(boolean allowed, String unit, String refusal) {
    }

    public ReportScope reportScope(CaseCaller who, String asked) {
        if (!who.handlesCases()) {
            return new ReportScope(false, null, "reports.forbidden");
        }
        if (who.supervisor()) {
            return new ReportScope(true, asked, null);
        }
        return asked == null || asked.equals(who.unit()) ? new ReportScope(true, who.unit(), null)
                : new ReportScope(false, null, "reports.unit.forbidden");
    }

    /** The case as the caller may see it (SEE): never the contact person or phone; no company or credit code of a
     *  confidential case. Those come only through {@link Action#SEE_CONTACT}. */
    public CaseRecord seen(CaseRecord c) {
        return c.withoutContact();
    }

    // [merge]
    /**
     * Merging {@code b} into {@code into}: MERGE on b, then the target: another case the caller can see (else
     * HIDDEN, as if it did not exist), still open and not merged itself, of the same category unless the caller
     * is a supervisor; and b has no group of its own ({@code hasGroup}: cases merged into b would lose their
     * target). Keys of dialogs/texts/merge.yaml name each refusal.
     */
    public Decision decideMerge(CaseCaller who, CaseRecord b, CaseRecord into, boolean hasGroup) {
        Decision d = decide(who, Action.MERGE, b);
        return d.allowed() ? MergeRules.target(who, b, into, hasGroup) : d;
    }

    /** Undoing a merge is possible until the case it was merged into is resolved (replied or closed). */
    public Decision decideUnmerge(CaseCaller who, CaseRecord b, CaseRecord into) {
        Decision d = decide(who, Action.UNMERGE, b);
        return d.allowed() ? MergeRules.unmergeTarget(into) : d;
    }
    // [/merge]

    // [reports bulletin] personal data in exports

    /**
     * Personal data in a report (the ledger's contact, company and credit code columns, and who a confidential
     * complainant is): only for a supervisor, and only when they asked; the caller records the asking.
     */
    public boolean mayExportPersonal(CaseCaller who) {
        return who.handlesCases() && who.supervisor();
    }

    // [/reports bulletin]

    /** Finding cases by a person's phone number (the console's search) is a look-up of personal data: the same rule. */
    public boolean mayFindByPhone(CaseCaller who) {
        return mayExportPersonal(who);
    }
}
