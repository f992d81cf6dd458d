package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fits the {@link LearnedRanker} on the calibration split of an evaluation set: each answerable question whose
 * right entry is among the hand ranking's first {@link LearnedRanker#DEPTH} candidates is one list for
 * {@link ListwiseFit}. Questions whose right entry is not in the list teach the ranker nothing (no order of the
 * list is right). The held-out split is never read.
 */
public final class RankerFit {

    /** The fit, and the share of the split's answerable questions with a right entry first / in the top 3, before and after. */
    public record Result(LearnedRanker ranker, int questions, int lists, double top1Before, double top1After,
                         double top3Before, double top3After) {
    }

    private RankerFit() {
    }

    public static Result fit(IndexSnapshot snap, List<EvalSet.Question> all, LocalDate today) {
        DigestSearcher searcher = new DigestSearcher();
        List<ListwiseFit.Query> lists = new ArrayList<>();
        int questions = 0;
        int[] before = new int[2];
        for (EvalSet.Question q : all) {
            if (!q.calibration() || q.person() || q.outOfScope()) {
                continue;
            }
            questions++;
            QueryPlan plan = QueryPlan.of(q.q(), snap);
            if (plan.concepts.isEmpty() || !plan.zh && !plan.en) {
                continue;
            }
            List<Candidate> candidates = searcher.candidates(snap, plan, snap.entities().named(plan.text),
                    LearnedRanker.DEPTH, today, Set.of());
            List<Candidate> top = candidates.subList(0, Math.min(LearnedRanker.DEPTH, candidates.size()));
            boolean[] right = new boolean[top.size()];
            boolean any = false;
            for (int i = 0; i < top.size(); i++) {
                right[i] = q.expect().contains(top.get(i).entry.id());
                any |= right[i];
                before[0] += right[i] && i == 0 ? 1 : 0;
            }
            before[1] += any && firstRight(right) < 3 ? 1 : 0;
            if (any) {
                lists.add(new ListwiseFit.Query(LearnedRanker.features(plan, top), right));
            }
        }
        LearnedRanker ranker = new LearnedRanker(ListwiseFit.fit(lists, LearnedRanker.NAMES.size(), ListwiseFit.L2));
        int[] after = new int[2];
        for (ListwiseFit.Query l : lists) {
            double[] p = ListwiseFit.softmax(l.x(), ranker.weights());
            int place = p.length;
            for (int i = 0; i < p.length; i++) {
                if (l.right()[i]) {
                    int ahead = 0;
                    for (int j = 0; j < p.length; j++) {
                        ahead += p[j] > p[i] || p[j] == p[i] && j < i ? 1 : 0;
                    }
                    place = Math.min(place, ahead);
                }
            }
            after[0] += place == 0 ? 1 : 0;
            after[1] += place < 3 ? 1 : 0;
        }
        double n = Math.max(1, questions);
        return new Result(ranker, questions, lists.size(), before[0] / n, after[0] / n, before[1] / n, after[1] / n);
    }

    private static int firstRight(boolean[] right) {
        for (int i = 0; i < right.length; i++) {
            if (right[i]) {
                return i;
            }
        }
        return right.length;
    }
}
