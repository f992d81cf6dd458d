package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits one language's answer model the way it will be used: on questions it has not seen. The calibration
 * split is cut into {@link #FOLDS} folds by the question's text; for each ridge penalty of {@link #RIDGES}, every
 * fold's questions are scored by a model fitted on the other folds. The ridge whose out-of-fold probabilities
 * answer the most questions right at the allowed share of wrong answers is kept, and so is the threshold that
 * allows it: probabilities a model gives the questions it was fitted on are surer than those it gives new ones,
 * so a threshold read off those answered more wrong on the held-out split than on the calibration one.
 * Deterministic: folds come from {@link String#hashCode()}, and {@link LogisticFit} has no randomness.
 */
final class CrossFit {

    /** From barely held (1, the old fixed value) to strongly pulled towards 0; ties go to the smaller one. */
    static final double[] RIDGES = {1, 3, 10, 30, 100};
    static final int FOLDS = 5;

    /**
     * One question of the split: its fold, and the samples of its top entries (the first is the top entry; none
     * when nothing was ranked). An out-of-scope question's samples are all wrong.
     */
    record Item(int fold, List<LogisticFit.Sample> top, boolean outOfScope) {
        static Item of(EvalSet.Question question, List<LogisticFit.Sample> top) {
            return new Item(Math.floorMod(question.q().hashCode(), FOLDS), List.copyOf(top), question.outOfScope());
        }
    }

    /** The model fitted on every item with the chosen ridge, and the out-of-fold threshold and figures. */
    record Choice(LogisticFit.Model model, double ridge, double answerThreshold, double outOfFoldRight) {
    }

    private CrossFit() {
    }

    static Choice choose(List<Item> items, int dimensions, double maxWrongShare) {
        Choice best = null;
        for (double ridge : RIDGES) {
            Point p = point(outOfFold(items, dimensions, ridge), items.size(), maxWrongShare);
            if (best == null || p.answeredRight() > best.outOfFoldRight()) {
                best = new Choice(null, ridge, p.threshold(), p.answeredRight());
            }
        }
        List<LogisticFit.Sample> all = items.stream().flatMap(i -> i.top().stream()).toList();
        return new Choice(LogisticFit.fit(all, dimensions, best.ridge()), best.ridge(), best.answerThreshold(),
                best.outOfFoldRight());
    }

    /** What one wrong-answer budget gives out of fold: its threshold and the share of the items answered right. */
    record Point(double maxWrongShare, double threshold, double answeredRight) {
    }

    /**
     * The trade-off the budget decides, out of fold with {@code ridge}: for each budget, the threshold and the share of
     * the items answered right. It shows what a point more or less of wrong answers would buy, so the budget is a
     * choice made with the figures in view.
     */
    static List<Point> frontier(List<Item> items, int dimensions, double ridge, double[] budgets) {
        List<Thresholds.Scored> tops = outOfFold(items, dimensions, ridge);
        List<Point> out = new ArrayList<>();
        for (double budget : budgets) {
            out.add(point(tops, items.size(), budget));
        }
        return out;
    }

    /** The threshold {@code budget} sets on out-of-fold {@code tops}, and the share of all {@code total} it answers right. */
    private static Point point(List<Thresholds.Scored> tops, int total, double budget) {
        double threshold = Thresholds.answer(tops, total, budget);
        long right = tops.stream().filter(t -> t.right() && t.probability() >= threshold).count();
        return new Point(budget, threshold, total == 0 ? 0 : (double) right / total);
    }

    /** Each ranked item's top entry, scored by the model fitted without its fold. */
    static List<Thresholds.Scored> outOfFold(List<Item> items, int dimensions, double ridge) {
        List<Thresholds.Scored> tops = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<LogisticFit.Sample> training = items.stream().filter(i -> i.fold() != f)
                    .flatMap(i -> i.top().stream()).toList();
            if (training.stream().noneMatch(LogisticFit.Sample::right) || training.stream().allMatch(LogisticFit.Sample::right)) {
                continue; // one class only: nothing to fit; these items get no out-of-fold score
            }
            LogisticFit.Model m = LogisticFit.fit(training, dimensions, ridge);
            for (Item i : items) {
                if (i.fold() == f && !i.top().isEmpty()) {
                    LogisticFit.Sample top = i.top().get(0);
                    tops.add(new Thresholds.Scored(m.probability(top.x()), top.right()));
                }
            }
        }
        return tops;
    }
}
