package com.teahouse.reports.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.reports.Summary;
import java.time.Instant;
import java.util.List;

/**
 * A bulletin (定期通报) for a period: the summary of every unit, the units ranked by score, and the cases that are
 * overdue or under supervision at the time it is made. It holds no personal data.
 *
 * @param ranking    {@link Summary#byUnit()} by score, best first; units without a score last
 * @param overdue    open cases past their current deadline now, earliest reply deadline first
 * @param supervised open cases under supervision (督办) now
 */
record Bulletin(ReportPeriod period, Instant madeAt, Summary summary, List<Summary.UnitRow> ranking,
        List<CaseRecord> overdue, List<CaseRecord> supervised) {

    /** The overdue and the supervised cases together, each once, overdue ones first. */
    List<CaseRecord> listed() {
        List<String> seen = overdue.stream().map(CaseRecord::trackingNumber).toList();
        return java.util.stream.Stream.concat(overdue.stream(),
                supervised.stream().filter(c -> !seen.contains(c.trackingNumber()))).toList();
    }

    boolean isSupervised(CaseRecord c) {
        return c.supervised() || supervised.stream().anyMatch(s -> s.trackingNumber().equals(c.trackingNumber()));
    }

    boolean isOverdue(CaseRecord c) {
        return overdue.stream().anyMatch(o -> o.trackingNumber().equals(c.trackingNumber()));
    }
}
