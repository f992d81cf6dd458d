package com.teahouse.reports.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CasePolicy;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.reports.ReportProblem;
import com.teahouse.reports.Summary;
import com.teahouse.staff.StaffCallers;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures as JSON: {@code /staff/api/reports/summary} and the cases behind a figure. Who sees whose figures is
 * {@link CasePolicy#reportScope}; a bad date, period or unit is a 400 and a unit the caller may not see a 403
 * ({@link ReportErrors}).
 */
@RestController
@RequestMapping("/staff/api/reports")
class ReportsApi {

    /** The "now" figures, listed from the queue rather than from the day counters. */
    private static final List<String> NOW = List.of("open", "overdue", "supervised", "age0", "age1", "age2", "age3");

    private final CounterFigures figures;
    private final CaseCounters counters;
    private final CasePolicy policy;
    private final StaffCallers callers;
    private final ReportsProperties props;

    ReportsApi(CounterFigures figures, CaseCounters counters, CasePolicy policy, StaffCallers callers,
            ReportsProperties props) {
        this.figures = figures;
        this.counters = counters;
        this.policy = policy;
        this.callers = callers;
        this.props = props;
    }

    @GetMapping("/summary")
    Summary summary(Principal principal, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        return figures.summary(period, Optional.ofNullable(scope(principal, unit)));
    }

    /**
     * The cases behind a figure: {@code measure} is a counted one (opened, claimed, claimed_on_time, replied,
     * replied_on_time, …, as in {@link Measure}, any case) or a queue one (open, overdue, supervised, age0..age3).
     */
    @GetMapping("/cases")
    Map<String, Object> cases(Principal principal, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String measure,
            @RequestParam(required = false) String unit) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        String u = scope(principal, unit);
        String m = measure == null ? "" : measure.strip().toLowerCase(Locale.ROOT);
        List<String> cases;
        if (NOW.contains(m)) {
            cases = counters.casesNow(m, u, props.casesListed());
        } else {
            Measure counted = measure(m);
            cases = counters.casesBehind(period.from(), period.to(), counted, u, props.casesListed());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period.from());
        out.put("to", period.to());
        out.put("measure", m);
        out.put("unit", u);
        out.put("cases", cases);
        out.put("truncated", cases.size() >= props.casesListed());
        return out;
    }

    private static Measure measure(String m) {
        for (Measure x : Measure.values()) {
            if (x.name().equalsIgnoreCase(m)) {
                return x;
            }
        }
        throw ReportProblem.badInput("reports.measure.unknown");
    }

    /** The unit whose figures to show (null: every unit), after the unit is known and the policy allows it. */
    private String scope(Principal principal, String asked) {
        String unit = figures.knownUnit(asked);
        CasePolicy.ReportScope scope = policy.reportScope(callers.caller(principal), unit);
        if (!scope.allowed()) {
            throw ReportProblem.forbidden(scope.refusal());
        }
        return scope.unit();
    }
}
