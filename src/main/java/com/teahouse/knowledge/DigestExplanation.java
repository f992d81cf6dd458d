package com.teahouse.knowledge;

import java.util.List;
import java.util.Map;

/**
 * "Why this answer", for staff and the policy office: the answer as the user gets it, plus for each
 * result the features the calibration model saw, its probability of being right, and the decision
 * (answer / offer / decline). {@code parties} are the parties of knowledge/entities.yaml the question
 * named; the thresholds are those of knowledge/calibration.yaml.
 */
public record DigestExplanation(DigestAnswer answer, List<String> parties, double answerThreshold,
                                double offerThreshold, List<Result> results) {

    public DigestExplanation {
        parties = List.copyOf(parties);
        results = List.copyOf(results);
    }

    /**
     * One ranked entry: features by name, calibrated probability, decision, and what the re-rank did to it;
     * {@code ranking}: each feature's contribution (weight × value) to the learned ranker's score, whose softmax
     * over the list is {@code features.rank_p} (empty when the hand ranking serves).
     */
    public record Result(String id, double score, Map<String, Double> features, double probability, String decision,
                         String note, Map<String, Double> ranking) {
    }
}
