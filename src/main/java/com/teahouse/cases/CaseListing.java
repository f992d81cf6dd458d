package com.teahouse.cases;

import java.util.List;

/**
 * Reading many cases at once, for views that keep their own index of cases (the console's search), and the
 * catalogue's categories (what per-category console data is keyed by).
 */
public interface CaseListing {

    /** Tracking numbers of every open case (not closed, declined or anonymised), oldest first. */
    List<String> openNumbers();

    /** These cases, in one round trip; unknown numbers are left out. */
    List<CaseRecord> records(List<String> trackingNumbers);

    /**
     * These cases as a list row needs them, in one round trip, reading only a few small fields: number, state,
     * kind, category, unit, confidential, the deadlines, holder and supervision. Description, attachments, transcript, company and contact are left null
     * (so such a record is only for {@link CasePolicy#decide} with {@code SEE}, which reads the unit, and for
     * showing a row). Unknown numbers are left out.
     */
    List<CaseRecord> rows(List<String> trackingNumbers);

    /** The category ids of dialogs/categories.yaml, in order. */
    List<String> categories();
}
