package com.teahouse.knowledge.internal;

import java.util.Comparator;
import java.util.List;

/**
 * Picks the decision thresholds from calibrated probabilities.
 * <ul>
 *   <li>answer: the lowest threshold at which answering every question whose top entry reaches it
 *       keeps the wrong answers at or under the target share of all questions. Lowering a threshold
 *       only adds answers, so the wrong count only grows: the sweep from the top stops at the last
 *       threshold within the target;</li>
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
        double threshold = 1.0; // nothing reaches 1: answer nothing
        int wrong = 0;
        int i = 0;
        while (i < sorted.size()) {
            double p = sorted.get(i).probability();
            int j = i;
            int wrongHere = 0;
            while (j < sorted.size() && sorted.get(j).probability() == p) {
                wrongHere += sorted.get(j).right() ? 0 : 1;
                j++;
            }
            if (wrong + wrongHere > maxWrongShare * total) {
                break;
            }
            wrong += wrongHere;
            threshold = p;
            i = j;
        }
        return Math.max(MIN, threshold);
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
