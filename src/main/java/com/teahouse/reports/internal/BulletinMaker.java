package com.teahouse.reports.internal;

import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.ReportFigures;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.reports.Summary;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Gathers a {@link Bulletin}: the figures from {@link ReportFigures}, the listed cases from the queue now. */
@Component
class BulletinMaker {

    /** At most this many overdue and this many supervised cases are listed. */
    static final int LISTED = 200;

    private static final Comparator<Summary.UnitRow> BY_SCORE = Comparator
            .comparing(Summary.UnitRow::score, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Summary.UnitRow::overdueNow)
            .thenComparing(Summary.UnitRow::unit);

    private final ObjectProvider<ReportFigures> figures;
    private final CaseWork work;
    private final Clock clock;

    BulletinMaker(ObjectProvider<ReportFigures> figures, CaseWork work, Clock clock) {
        this.figures = figures;
        this.work = work;
        this.clock = clock;
    }

    Bulletin make(ReportPeriod period) {
        ReportFigures f = figures.getIfUnique();
        if (f == null) {
            throw new IllegalStateException("no ReportFigures in this application");
        }
        Summary s = f.summary(period, Optional.empty());
        return new Bulletin(period, clock.instant(), s, s.byUnit().stream().sorted(BY_SCORE).toList(),
                work.queue(new CaseFilter(null, null, null, true, false, LISTED)),
                work.queue(new CaseFilter(null, null, null, false, true, LISTED)));
    }
}
