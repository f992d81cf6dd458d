package com.teahouse.cases;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

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
 * gives the polite reason (a key of {@code dialogs/texts/access.yaml}) when not.
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
 */
public final class CasePolicy {

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

    private final Clock clock;
    private final Function<String, Optional<Instant>> closedAt;

    /** @param closedAt when a case was closed (for the reopen window), from its event log */
    public CasePolicy(Clock clock, Function<String, Optional<Instant>> closedAt) {
        this.clock = clock;
        this.closedAt = closedAt;
    }

    /** Who may try this action on this case now, without looking at its input (to offer a prompt or a button). */
    public Decision decide(CaseCaller who, Action what, CaseRecord c) {
        if (what.ownersAction() || (what == Action.REOPEN && !who.handlesCases())) {
            if (!who.owns(c)) {
                return Decision.HIDE;
            }
            return inState(what, c) ? Decision.ALLOW : refusedState(c);
        }
        if (!who.handlesCases()) {
            return Decision.refuse("access.refused.staff");
        }
        if (!who.supervisor() && !who.staffOf(c)) {
            return Decision.HIDE;
        }
        String role = roleProblem(who, what, c);
        if (role != null) {
            return Decision.refuse(role);
        }
        return inState(what, c) ? Decision.ALLOW : refusedState(c);
    }

    /** {@link #decide(CaseCaller, Action, CaseRecord)}, then the input the action needs. */
    public Decision decide(CaseCaller who, Action what, CaseRecord c, Input in) {
        Decision d = decide(who, what, c);
        if (!d.allowed()) {
            return d;
        }
        String text = in == null || in.text() == null ? "" : in.text().strip();
        return switch (what) {
            case EXTEND -> in == null || in.days() == null || in.days() < 1 || in.days() > MAX_EXTEND_DAYS
                    ? Decision.refuse("access.refused.days") : needs(text, "access.refused.reason");
            case DECLINE, RETURN -> needs(text, "access.refused.reason");
            case SEE_CONTACT -> c.confidential() ? needs(text, "access.refused.contact_reason") : d;
            case RESOLVE, RELAY, NOTE -> needs(text, "access.refused.text");
            default -> d;
        };
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

    private static String roleProblem(CaseCaller who, Action what, CaseRecord c) {
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

    private boolean inState(Action what, CaseRecord c) {
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
            case MERGE, DISMISS -> MERGEABLE.contains(s);
            case UNMERGE -> s == CaseState.MERGED;
            // [/merge]
            case REOPEN -> s == REPLIED || (s == CLOSED && closedAt.apply(c.trackingNumber())
                    .map(at -> !clock.instant().isAfter(at.plus(REOPEN_WINDOW))).orElse(false));
        };
    }

    // [merge]
    /** The states a case may be merged from and into: still being worked on under its own number. */
    static final java.util.Set<CaseState> MERGEABLE = java.util.EnumSet.of(CaseState.NEW, DISPATCHED, CLAIMED,
            RETURNED, REOPENED);

    /**
     * Merging {@code b} into {@code into}: MERGE on b, then the target: another case the caller can see (else
     * HIDDEN, as if it did not exist), still open and not merged itself, of the same category unless the caller
     * is a supervisor; and b has no group of its own ({@code hasGroup}: cases merged into b would lose their
     * target). Keys of dialogs/texts/merge.yaml name each refusal.
     */
    public Decision decideMerge(CaseCaller who, CaseRecord b, CaseRecord into, boolean hasGroup) {
        Decision d = decide(who, Action.MERGE, b);
        if (!d.allowed()) {
            return d;
        }
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
        if (!java.util.Objects.equals(into.category(), b.category()) && !who.supervisor()) {
            return Decision.refuse("merge.refused.category");
        }
        return Decision.ALLOW;
    }

    /** Undoing a merge is possible until the case it was merged into is resolved (replied or closed). */
    public Decision decideUnmerge(CaseCaller who, CaseRecord b, CaseRecord into) {
        Decision d = decide(who, Action.UNMERGE, b);
        if (!d.allowed()) {
            return d;
        }
        if (into != null && (into.state() == REPLIED || into.state() == CLOSED)) {
            return new Decision(Decision.Verdict.REFUSED, "merge.refused.resolved", into.state(), null);
        }
        return Decision.ALLOW;
    }
    // [/merge]

    private static Decision refusedState(CaseRecord c) {
        if (c.state() == CLAIMED && c.claimedByName() != null) {
            return new Decision(Decision.Verdict.REFUSED, "access.refused.claimed", c.state(), c.claimedByName());
        }
        return new Decision(Decision.Verdict.REFUSED, "access.refused.state", c.state(), null);
    }

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

    private static Decision needs(String text, String key) {
        return text.isEmpty() ? Decision.refuse(key) : Decision.ALLOW;
    }
}
