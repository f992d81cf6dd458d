package com.teahouse.cases;

import java.util.List;

/** Reading many cases at once, for views that keep their own index of cases (the console's search). */
public interface CaseListing {

    /** Tracking numbers of every open case (not closed, declined or anonymised), oldest first. */
    List<String> openNumbers();

    /** These cases, in one round trip; unknown numbers are left out. */
    List<CaseRecord> records(List<String> trackingNumbers);
}
