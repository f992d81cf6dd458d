package com.teahouse.reports;

/**
 * A report request that cannot be answered as asked: a bad date, a period in the wrong order or over 366 days, an
 * unknown unit (HTTP 400), or a unit the caller may not see (403). {@code key} names the text in
 * {@code dialogs/texts/reports.yaml} that tells the user what was wrong; nothing is changed.
 */
public final class ReportProblem extends RuntimeException {

    private final String key;
    private final boolean forbidden;

    private ReportProblem(String key, boolean forbidden) {
        super(key, null, false, false);
        this.key = key;
        this.forbidden = forbidden;
    }

    public static ReportProblem badInput(String key) {
        return new ReportProblem(key, false);
    }

    public static ReportProblem forbidden(String key) {
        return new ReportProblem(key, true);
    }

    public String key() {
        return key;
    }

    /** 403 rather than 400. */
    public boolean forbidden() {
        return forbidden;
    }
}
