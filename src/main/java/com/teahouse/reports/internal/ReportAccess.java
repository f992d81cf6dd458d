package com.teahouse.reports.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.reports.ReportProblem;
import com.teahouse.staff.StaffAudit;
import com.teahouse.staff.StaffCallers;
import java.security.Principal;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A report request checked in one order, the same for every export: the period (400), the unit (unknown: 400),
 * then {@link CasePolicy#reportScope} and, for personal data, {@link CasePolicy#mayExportPersonal} (403). Nothing
 * is read before all of them pass.
 */
@Component
class ReportAccess {

    /**
     * What the caller may have.
     *
     * @param unit     the unit covered; null for every unit
     * @param personal with personal data (a supervisor who asked)
     */
    record Scope(ReportPeriod period, String unit, boolean personal, CaseCaller who) {

        Instant start() {
            return period.from().atStartOfDay(ReportPeriod.ZONE).toInstant();
        }

        /** The first instant after the period (its last day is included). */
        Instant end() {
            return period.to().plusDays(1).atStartOfDay(ReportPeriod.ZONE).toInstant();
        }
    }

    private final StaffCallers users;
    private final StaffAudit audit;
    private final CasePolicy policy;
    private final CaseWork work;

    ReportAccess(StaffCallers users, StaffAudit audit, CasePolicy policy, CaseWork work) {
        this.users = users;
        this.audit = audit;
        this.policy = policy;
        this.work = work;
    }

    Scope check(Principal principal, String from, String to, String unit, boolean personal) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        String asked = unit == null || unit.isBlank() ? null : unit.strip();
        if (asked != null && !work.units().contains(asked)) {
            throw ReportProblem.badInput("reports.unit.unknown");
        }
        CaseCaller who = users.caller(principal);
        CasePolicy.ReportScope allowed = policy.reportScope(who, asked);
        if (!allowed.allowed()) {
            throw ReportProblem.forbidden(allowed.refusal());
        }
        if (personal && !policy.mayExportPersonal(who)) {
            throw ReportProblem.forbidden("access.refused.supervisor");
        }
        return new Scope(period, allowed.unit(), personal, who);
    }

    /** Only supervisors publish the bulletin. */
    Scope checkSupervisor(Principal principal, String from, String to) {
        Scope scope = check(principal, from, to, null, false);
        if (!scope.who().supervisor()) {
            throw ReportProblem.forbidden("access.refused.supervisor");
        }
        return scope;
    }

    void recordPersonalRequest(Principal principal, Scope scope, String what) {
        audit.record(principal, what + "-personal", "period=" + scope.period().from() + ".." + scope.period().to()
                + " unit=" + (scope.unit() == null ? "*" : scope.unit()));
    }
}
