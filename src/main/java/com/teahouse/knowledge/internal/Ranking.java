package com.teahouse.knowledge.internal;

import java.util.List;
import java.util.Set;

import com.teahouse.knowledge.DigestAnswer.Decline;

/**
 * A question ranked against one snapshot, with the calibrated probability of each entry and the
 * decision that follows from them. {@code early} is a decline decided before ranking (empty input,
 * a request for a person, nothing matched), or null.
 */
public record Ranking(String text, Decline early, Set<String> parties, List<Ranked> entries, Calibration calibration,
                      int concepts) {

    /**
     * One ranked entry: its final score, what the model saw, and the probability that it is right;
     * {@code ranking} is each feature's contribution to the learned ranker's score (empty without it).
     */
    public record Ranked(Entry entry, double score, Features features, double probability, String note,
                         java.util.Map<String, Double> ranking) {

        public Ranked(Entry entry, double score, Features features, double probability, String note) {
            this(entry, score, features, probability, note, java.util.Map.of());
        }
    }

    public boolean answered() {
        return early == null && !entries.isEmpty() && entries.get(0).probability() >= answerThreshold();
    }

    /** Whether the question was read as English (its top entry's {@code english} feature). */
    public boolean english() {
        return !entries.isEmpty() && entries.get(0).features().english() > 0;
    }

    /** The answer threshold of the question's language. */
    public double answerThreshold() {
        return calibration.answerThreshold(english());
    }

    /** The "did you mean" threshold of the question's language. */
    public double offerThreshold() {
        return calibration.offerThreshold(english());
    }

    public Decline decline() {
        return early != null ? early : answered() ? Decline.NONE : Decline.NOT_SURE;
    }

    /** "Did you mean": up to three of the top entries that reach the offer threshold, when not answered. */
    public List<Ranked> offered() {
        if (early != null || answered()) {
            return List.of();
        }
        return entries.stream().limit(3).filter(r -> r.probability() >= offerThreshold()).toList();
    }

    /** The top entry's probability, 0 when nothing ranked. */
    public double confidence() {
        return entries.isEmpty() ? 0 : entries.get(0).probability();
    }

    /** answer / offer / decline, per entry, for the explain API. */
    public String decisionFor(int index) {
        if (index == 0 && answered()) {
            return "answer";
        }
        Ranked r = entries.get(index);
        return offered().contains(r) ? "offer" : "decline";
    }
}
