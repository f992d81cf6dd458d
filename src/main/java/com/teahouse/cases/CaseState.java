package com.teahouse.cases;

import java.util.Locale;

/** The 12345 workflow: new → dispatched → claimed → replied → closed, with returned, reopened and declined. */
public enum CaseState {
    NEW, DISPATCHED, CLAIMED, REPLIED, CLOSED, RETURNED, REOPENED, DECLINED;

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
}
