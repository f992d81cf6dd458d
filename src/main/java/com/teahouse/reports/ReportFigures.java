package com.teahouse.reports;

import java.util.Optional;

/**
 * The office's figures for a period, from the per-day counters that the case scripts keep (see
 * {@link Summary}). The caller has already been authorised (see {@code CasePolicy#reportScope}); an unknown unit
 * is a {@link ReportProblem}.
 */
public interface ReportFigures {

    /** Figures for every unit, or for one unit when {@code unit} is present. */
    Summary summary(ReportPeriod period, Optional<String> unit);
}
