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

    /** The category ids of dialogs/categories.yaml, in order. */
    List<String> categories();
}
