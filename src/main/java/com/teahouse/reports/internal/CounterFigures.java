package com.teahouse.reports.internal;

import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseCounters.Day;
import com.teahouse.cases.CaseCounters.Dimension;
import com.teahouse.cases.CaseCounters.Measure;
import com.teahouse.cases.CaseCounters.Now;
import com.teahouse.cases.CaseCounters.Slice;
import com.teahouse.cases.CaseCounters.Timing;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.ReportFigures;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.reports.ReportProblem;
import com.teahouse.reports.Summary;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@link ReportFigures} from the counters ({@link CaseCounters}): the period's sums from its months' rollups and
 * days ({@link CaseCounters#spans}), the weeks from one slice's daily counts, and the queue indexes for the "now"
 * figures, so a month's summary costs the same with a million cases stored.
 */
@Component
class CounterFigures implements ReportFigures {

    private final CaseCounters counters;
    private final CaseWork work;
    private final ReportsProperties props;

    CounterFigures(CaseCounters counters, CaseWork work, ReportsProperties props) {
        this.counters = counters;
        this.work = work;
        this.props = props;
    }

    /** The unit ids of the catalogue; an unknown one is a 400. */
    String knownUnit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        if (!work.units().contains(unit)) {
            throw ReportProblem.badInput("reports.unit.unknown");
        }
        return unit;
    }

    @Override
    public Summary summary(ReportPeriod period, Optional<String> unitAsked) {
        String unit = knownUnit(unitAsked.orElse(null));
        Totals t = Totals.of(counters.spans(period.from(), period.to()));
        Slice s = unit == null ? Slice.ALL : Slice.of(Dimension.UNIT, unit);
        List<Day> days = counters.days(period.from(), period.to(), s);
        List<String> views = new ArrayList<>(java.util.Collections.singletonList(unit));
        if (unit == null) {
            views.addAll(work.units()); // the queue of every unit and of each, read at once
        }
        Map<String, Now> nowByUnit = counters.now(views);
        Now now = nowByUnit.get(unit);
        long timed = t.get(s, Measure.CLAIMS_TIMED);
        long replied = t.get(s, Measure.REPLIED);
        long onTime = t.get(s, Measure.REPLIED_ON_TIME);
        long extended = t.get(s, Measure.REPLIED_ON_TIME_EXTENDED);
        var onTimes = new Summary.OnTime(Totals.rate(t.get(s, Measure.CLAIMED_ON_TIME), timed),
                Totals.rate(onTime, replied), timed, t.get(s, Measure.CLAIMED_ON_TIME), replied, onTime, extended,
                Totals.rate(onTime - extended, replied));
        var satisfaction = new Summary.Satisfaction(t.rated(s), t.get(s, Measure.SATISFIED),
                t.get(s, Measure.BASICALLY_SATISFIED), t.get(s, Measure.UNSATISFIED), t.satisfactionRate(s),
                Totals.rate(t.get(s, Measure.REOPENED), replied));
        long[] claim = t.hist(s, Timing.CLAIM);
        long[] reply = t.hist(s, Timing.REPLY);
        long[] close = t.hist(s, Timing.CLOSE);
        var times = new Summary.Times(Percentiles.roundedMinutes(claim, 0.5), Percentiles.roundedMinutes(claim, 0.9),
                Percentiles.hours(reply, 0.5), Percentiles.hours(reply, 0.9), Percentiles.hours(close, 0.5),
                Percentiles.hours(close, 0.9));
        long[] a = now.ageing();
        return new Summary(period.from(), period.to(), unit, t.get(s, Measure.OPENED), t.get(s, Measure.CLAIMED),
                replied, t.get(s, Measure.CLOSED), t.get(s, Measure.REOPENED), t.get(s, Measure.DECLINED),
                now.open(), now.overdue(), now.supervised(), onTimes, satisfaction, times,
                new Summary.Backlog(a[0], a[1], a[2], a[3]), units(t, unit, nowByUnit),
                rows(t, Dimension.CATEGORY, unit, k -> work.categoryName(k, "zh")),
                rows(t, Dimension.DISTRICT, unit, k -> k), rows(t, Dimension.CHANNEL, unit, k -> k),
                weeks(period, days, s));
    }

    private List<Summary.UnitRow> units(Totals t, String only, Map<String, Now> nowByUnit) {
        List<Summary.UnitRow> rows = new ArrayList<>();
        for (String u : only == null ? work.units() : List.of(only)) {
            Slice s = Slice.of(Dimension.UNIT, u);
            long overdue = nowByUnit.containsKey(u) ? nowByUnit.get(u).overdue() : 0;
            Double reply = t.onTimeReplyRate(s);
            Double sat = t.satisfactionRate(s);
            rows.add(new Summary.UnitRow(u, work.unitName(u, "zh"), t.get(s, Measure.OPENED), t.get(s, Measure.CLOSED),
                    reply, sat, overdue, UnitScore.of(props.score(), reply, sat, overdue)));
        }
        rows.sort(Comparator.comparing(Summary.UnitRow::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Summary.UnitRow::unit));
        return rows;
    }

    private static List<Summary.Row> rows(Totals t, Dimension d, String unit, Function<String, String> name) {
        List<Summary.Row> rows = new ArrayList<>();
        for (Slice s : t.slices()) {
            if (s.dimension() == d && java.util.Objects.equals(s.within(), unit)) {
                rows.add(new Summary.Row(s.key(), name.apply(s.key()), t.get(s, Measure.OPENED),
                        t.get(s, Measure.REPLIED), t.get(s, Measure.CLOSED), t.onTimeReplyRate(s),
                        t.satisfactionRate(s)));
            }
        }
        rows.sort(Comparator.comparing(Summary.Row::opened).reversed().thenComparing(Summary.Row::key));
        return rows;
    }

    private static List<Summary.Week> weeks(ReportPeriod period, List<Day> days, Slice s) {
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (Day d : days) {
            LocalDate monday = d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate start = monday.isBefore(period.from()) ? period.from() : monday;
            long[] w = weeks.computeIfAbsent(start, x -> new long[3]);
            Map<Measure, Long> c = d.counts().getOrDefault(s, Map.of());
            w[0] += c.getOrDefault(Measure.OPENED, 0L);
            w[1] += c.getOrDefault(Measure.REPLIED, 0L);
            w[2] += c.getOrDefault(Measure.CLOSED, 0L);
        }
        List<Summary.Week> out = new ArrayList<>();
        weeks.forEach((from, w) -> out.add(new Summary.Week(from, w[0], w[1], w[2])));
        return out;
    }
}
