package com.teahouse.cases;

import java.util.List;
import java.util.Optional;

/**
 * 并单: duplicate complaints. When a case opens, it is compared with the open cases of the last 30 days in the same
 * category and district; candidates above the calibrated threshold ({@code teahouse.merge.threshold}) are stored
 * with both cases, so every instance shows the same ones. A case B merged into A follows A: A's reply and
 * resolution reach B's entrepreneur, who rates B; a 不满意 on any reopens A for the whole group. Who may do it is
 * {@link CasePolicy}'s decision ({@link CasePolicy#decideMerge}), asked first by every caller.
 */
public interface CaseMerging {

    /** The open candidates of a case, best first (neither merged, ended nor dismissed). */
    List<Similar> similarTo(String trackingNumber);

    /** Open candidate pairs of every unit, best first: the supervisor's 并单 list. */
    List<Pair> openPairs(int limit);

    /** Merges {@code b} into {@code into}, atomically; refused (nothing changed) when either moved meanwhile. */
    CaseWork.Outcome merge(String b, String into, Actor actor, boolean sameCategoryOnly);

    /** Takes {@code b} out of its group: it is dispatched again to its unit. */
    CaseWork.Outcome unmerge(String b, Actor actor);

    /** Staff say two cases are not the same problem: the candidate goes away from both, logged on both. */
    CaseWork.Outcome dismiss(String trackingNumber, String other, Actor actor);

    /** The case B was merged into, while it is merged. */
    Optional<String> mergedInto(String trackingNumber);

    /** The cases merged into A (its group, without A). */
    List<String> group(String trackingNumber);

    /**
     * @param reasons codes: {@code text} (similar description), {@code company} (same company), {@code owner}
     *                (sent by the same entrepreneur); company and owner are never given when either case is
     *                confidential, so a reason never reveals a complainant
     */
    record Similar(String tracking, double score, List<String> reasons) {
    }

    record Pair(String a, String b, double score, List<String> reasons) {
    }
}
