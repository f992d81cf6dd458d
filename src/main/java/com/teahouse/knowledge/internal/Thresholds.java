package com.teahouse.knowledge.internal;

import java.util.Comparator;
import java.util.List;

/**
 * Picks the decision thresholds from calibrated probabilities.
 * <ul>
 *   <li>answer: the lowest threshold at which answering every question whose top entry reaches it
 *       keeps the wrong answers at or under the target share of all questions. Lowering a threshold
 *       only adds answers, so the wrong count only grows: the sweep from the top stops at the last
 *       threshold within the target. The wrong answers are counted as the mean of those seen and those
 *       expected: a threshold set by the two or three most confident wrong answers alone moves with whichever
 *       questions happen to be in the split (English moved ±2 points held-out with every change). The
 *       expectation is the sum of 1 − p' over the answered, p' the probability recalibrated on the split's top
 *       entries ({@link #recalibrated}: the answer model is fitted on the top three entries of each question, so
 *       its probabilities are not those of the top one), a fit of two numbers on all of them;</li>
 *   <li>offer ("did you mean"): the lowest threshold at which at most the given share of the
 *       out-of-scope questions would be offered anything, and never above the answer threshold.</li>
 * </ul>
 */
public final class Thresholds {

    /** The top entry of one question: its probability and whether answering with it would be right. */
    public record Scored(double probability, boolean right) {
    }

    /** No probability under this is worth answering or offering (and it survives the file's 4 decimals). */
    static final double MIN = 0.01;

    private Thresholds() {
    }

    /** @param total every question of the split (out-of-scope ones too): the denominator of the share */
    public static double answer(List<Scored> tops, int total, double maxWrongShare) {
        List<Scored> sorted = tops.stream().sorted(Comparator.comparingDouble(Scored::probability).reversed()).toList();
        LogisticFit.Model top = recalibrated(tops);
        double threshold = 1.0; // nothing reaches 1: answer nothing
        int seen = 0;
        double counted = 0;
        int i = 0;
        while (i < sorted.size()) {
            double p = sorted.get(i).probability();
            int j = i;
            int seenHere = 0;
            double countedHere = 0;
            while (j < sorted.size() && sorted.get(j).probability() == p) {
                seenHere += sorted.get(j).right() ? 0 : 1;
                countedHere += ((sorted.get(j).right() ? 0 : 1) + 1 - top.probability(new double[] {logit(p)})) / 2;
                j++;
            }
            // the wrong answers seen stay within the target too: the smoothed count only ever raises the threshold
            if (seen + seenHere > maxWrongShare * total || counted + countedHere > maxWrongShare * total) {
                break;
            }
            seen += seenHere;
            counted += countedHere;
            threshold = p;
            i = j;
        }
        return Math.max(MIN, threshold);
    }

    /** The smoothed count of wrong answers at a threshold (see {@link #answer}), for tests and reports. */
    static double countedWrong(List<Scored> tops, double threshold) {
        LogisticFit.Model top = recalibrated(tops);
        return tops.stream().filter(s -> s.probability() >= threshold).mapToDouble(s -> ((s.right() ? 0 : 1) + 1
                - top.probability(new double[] {logit(s.probability())})) / 2).sum();
    }

    /** P(top entry right) as a logistic function of the logit of its model probability, fitted on the tops. */
    static LogisticFit.Model recalibrated(List<Scored> tops) {
        return LogisticFit.fit(tops.stream().map(t -> new LogisticFit.Sample(new double[] {logit(t.probability())},
                t.right())).toList(), 1);
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    /** @param outOfScopeBest per out-of-scope question, the highest probability among its offerable entries */
    public static double offer(List<Double> outOfScopeBest, double maxOfferedShare, double answerThreshold) {
        List<Double> sorted = outOfScopeBest.stream().sorted(Comparator.reverseOrder()).toList();
        int allowed = (int) Math.floor(maxOfferedShare * sorted.size());
        // offering needs a probability above the allowed-th highest out-of-scope one
        double above = allowed < sorted.size() ? sorted.get(allowed) : 0;
        return Math.min(answerThreshold, Math.max(MIN, Math.nextUp(above)));
    }
}
