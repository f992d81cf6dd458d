package com.teahouse.staff.internal;

import static com.teahouse.cases.CaseState.CLAIMED;
import static com.teahouse.cases.CaseState.CLOSED;
import static com.teahouse.cases.CaseState.DECLINED;
import static com.teahouse.cases.CaseState.DISPATCHED;
import static com.teahouse.cases.CaseState.REOPENED;
import static com.teahouse.cases.CaseState.REPLIED;
import static com.teahouse.cases.CaseState.RETURNED;

import com.teahouse.cases.CaseState;
import com.teahouse.staff.StaffRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * case-permissions.md as test data, written from the document (not from the policy under test): who may try
 * each staff action, in which states, and the words of each refusal.
 */
final class PermissionTable {

    private PermissionTable() {
    }

    static final List<CaseState> STATES = List.of(DISPATCHED, CLAIMED, RETURNED, REPLIED, CLOSED, REOPENED, DECLINED);

    /** The actors: accounts (username) linked to Telegram ids, a bootstrap id, and a stranger. */
    enum Who {
        SUPERVISOR("m-sup", "21", null, Set.of(StaffRole.SUPERVISOR)),
        HOLDER("m-holder", "22", "iit", Set.of(StaffRole.STAFF)),
        COLLEAGUE("m-colleague", "23", "iit", Set.of(StaffRole.STAFF)),
        OTHER_UNIT("m-other", "24", "tax", Set.of(StaffRole.STAFF)),
        EDITOR("m-editor", "25", null, Set.of(StaffRole.POLICY_EDITOR)),
        ADMIN("m-admin", "26", null, Set.of(StaffRole.ADMIN)),
        BOOTSTRAP(null, "31", null, Set.of()),
        STRANGER(null, "99", null, Set.of());

        final String username;
        final String telegram;
        final String unit;
        final Set<StaffRole> roles;

        Who(String username, String telegram, String unit, Set<StaffRole> roles) {
            this.username = username;
            this.telegram = telegram;
            this.unit = unit;
            this.roles = roles;
        }

        boolean supervisor() {
            return this == SUPERVISOR || this == BOOTSTRAP;
        }

        boolean unitStaff() {
            return this == HOLDER || this == COLLEAGUE;
        }

        /** The matrix's cases are claimed by HOLDER from CLAIMED on (returning clears it). */
        boolean holds(CaseState s) {
            return this == HOLDER && (s == CLAIMED || s == REPLIED || s == CLOSED || s == REOPENED);
        }
    }

    enum Act { SEE, SEE_CONTACT, SEE_CONTACT_CONFIDENTIAL, CLAIM, RELAY, NOTE, RESOLVE, RETURN, TRANSFER, EXTEND,
        DECLINE }

    enum Verdict { ALLOWED, HIDDEN, REFUSED }

    record Expected(Verdict verdict, String message) {
    }

    static final String NOT_STAFF = "只有热线工作人员";
    static final String HOLDER_OR_SUPERVISOR = "只有接单人或督办人员";
    static final String SUPERVISOR_ONLY = "只有督办人员";
    static final String UNIT_ONLY = "只有承办单位的工作人员";
    static final String WRONG_STATE = "下不能执行此操作";

    static Expected expect(Who who, Act act, CaseState s) {
        if (!who.supervisor() && !who.unitStaff() && who != Who.OTHER_UNIT) {
            return new Expected(Verdict.REFUSED, NOT_STAFF);
        }
        if (who == Who.OTHER_UNIT) {
            return new Expected(Verdict.HIDDEN, null);
        }
        String role = switch (act) {
            case SEE, SEE_CONTACT, CLAIM, NOTE -> null;
            case SEE_CONTACT_CONFIDENTIAL, TRANSFER, EXTEND -> who.supervisor() ? null : SUPERVISOR_ONLY;
            case RELAY, RESOLVE, DECLINE -> who.supervisor() || who.holds(s) ? null : HOLDER_OR_SUPERVISOR;
            case RETURN -> !who.unitStaff() ? UNIT_ONLY : s == CLAIMED && !who.holds(s) ? HOLDER_OR_SUPERVISOR : null;
        };
        if (role != null) {
            return new Expected(Verdict.REFUSED, role);
        }
        Set<CaseState> states = switch (act) {
            case SEE, SEE_CONTACT, SEE_CONTACT_CONFIDENTIAL -> EnumSet.allOf(CaseState.class);
            case CLAIM -> EnumSet.of(DISPATCHED, REOPENED);
            case RELAY, RESOLVE -> EnumSet.of(CLAIMED);
            case NOTE -> EnumSet.complementOf(EnumSet.of(CLOSED));
            case RETURN, EXTEND, DECLINE -> EnumSet.of(DISPATCHED, CLAIMED);
            case TRANSFER -> EnumSet.of(DISPATCHED, RETURNED, CLAIMED);
        };
        return states.contains(s) ? new Expected(Verdict.ALLOWED, null) : new Expected(Verdict.REFUSED, WRONG_STATE);
    }
}
