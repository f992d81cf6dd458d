package com.teahouse.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case with the milestones its event log holds, for the ledger (问题台账) and the bulletin. The record still
 * carries personal fields: show them only where {@link CasePolicy#decideReport} allows them.
 *
 * @param claimedAt    the first claim (null when never claimed)
 * @param repliedAt    the reply of the latest round (a reopening starts a new one)
 * @param closedAt     when it ended (closed or declined); null while a reopened round is open
 * @param extensions   how many times the reply deadline was extended
 * @param extendedDays the working days those extensions added (unknown after anonymisation: 0)
 * @param reopenings   how many times it was reopened (not solved, or rated unsatisfied)
 * @param merged       the cases merged into this one (并单), sorted: one problem, {@link #complainants()} people
 */
public record LedgerCase(CaseRecord record, Instant claimedAt, Instant repliedAt, Instant closedAt, int extensions,
        int extendedDays, int reopenings, List<String> merged) {

    /** This case's complainant and those of the cases merged into it. */
    public int complainants() {
        return 1 + merged.size();
    }

    /** Claimed within its claim window; null while it was never claimed and the window is still open. */
    public Boolean claimOnTime(Instant now) {
        Instant due = record.claimDue();
        if (due == null) {
            return claimedAt == null ? null : Boolean.TRUE;
        }
        if (claimedAt == null) {
            return now.isAfter(due) ? Boolean.FALSE : null;
        }
        return !claimedAt.isAfter(due);
    }

    /**
     * Replied by the reply deadline, extensions counted (the deadline moves with them); null while not replied
     * and not yet due, and for declined cases that were never replied.
     */
    public Boolean replyOnTime(Instant now) {
        Instant due = record.replyDue();
        if (repliedAt != null) {
            return due == null || !repliedAt.isAfter(due);
        }
        if (record.state() == CaseState.DECLINED || due == null) {
            return null;
        }
        return now.isAfter(due) ? Boolean.FALSE : null;
    }
}
