package com.teahouse.cases;

import java.util.Locale;

/**
 * The 12345 workflow: new → dispatched → claimed → replied → closed, with returned, reopened and declined; and
 * merged (并单): handled together with another case under that case's number, which it follows.
 */
public enum CaseState {
    NEW, DISPATCHED, CLAIMED, REPLIED, CLOSED, RETURNED, REOPENED, DECLINED, MERGED;

    /** The lower-case name used in Redis, in {@link CaseSummary#state()} and on the wire. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Closed and declined cases have their ending; everything else still needs someone. */
    public boolean ended() {
        return this == CLOSED || this == DECLINED;
    }

    /** Nobody works on it under its own number: ended, or merged into another case (no deadlines, no queue). */
    public boolean idle() {
        return ended() || this == MERGED;
    }
}
