package com.teahouse.knowledge.internal;

/**
 * When the bot may answer. A wrong confident answer is the worst outcome, so all three must hold:
 * <ul>
 *   <li>coverage: the idf-weighted share of the question's topic words that the top entry contains
 *       (a synonym counts) — this is what turns away off-topic questions, whose rare words the digest
 *       does not have;</li>
 *   <li>a minimum BM25 score, so a question of one common word cannot pass on coverage alone;</li>
 *   <li>a margin: the runner-up may not score almost as high as the winner, unless the winner's
 *       coverage is near complete (then both are usually acceptable).</li>
 * </ul>
 * The defaults were calibrated on src/test/resources/knowledge-eval/questions.yaml with
 * KnowledgeEvaluationTest, which prints the figures for the current values.
 */
public record ConfidencePolicy(double minCoverage, double minScore, double maxRunnerUpRatio, double sureCoverage) {

    public static final ConfidencePolicy DEFAULT = new ConfidencePolicy(0.6, 3.0, 0.97, 0.85);

    public boolean answer(double coverage, double top, double second) {
        if (coverage < minCoverage || top < minScore) {
            return false;
        }
        return coverage >= sureCoverage || second < top * maxRunnerUpRatio;
    }
}
