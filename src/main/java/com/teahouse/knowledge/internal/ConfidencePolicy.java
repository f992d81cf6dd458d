package com.teahouse.knowledge.internal;

/**
 * When the bot may answer. A wrong confident answer is the worst outcome, so the decision needs
 * agreement of two independent signals:
 * <ul>
 *   <li>coverage: the idf-weighted share of the question's topic words that the top entry contains
 *       (a synonym counts). Off-topic and uncovered questions carry rare words the digest lacks,
 *       so their coverage is low whatever BM25 ranks first;</li>
 *   <li>margin: the runner-up's BM25 score relative to the winner's. A clear winner means the
 *       question is about that entry even when the user's wording differs from ours.</li>
 * </ul>
 * Answer when the score is above a floor and either coverage is high (and the runner-up is not a
 * tie) or coverage is moderate and the margin is wide. The defaults were calibrated on the eval set
 * by KnowledgeEvaluationTest, which prints a grid of alternatives with their error rates.
 */
public record ConfidencePolicy(double minScore, double highCoverage, double maxTieRatio,
                               double moderateCoverage, double maxRunnerUpRatio) {

    public static final ConfidencePolicy DEFAULT = new ConfidencePolicy(3.0, 0.6, 0.9, 0.4, 0.6);

    public boolean answer(double coverage, double top, double second) {
        if (top < minScore) {
            return false;
        }
        return coverage >= highCoverage && second < top * maxTieRatio
                || coverage >= moderateCoverage && second <= top * maxRunnerUpRatio;
    }
}
