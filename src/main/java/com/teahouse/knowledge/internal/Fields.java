package com.teahouse.knowledge.internal;

/**
 * Index field names and their weights. Sample questions and titles are how users phrase things, so
 * they outweigh the body text; bigram fields weigh less than words because they also match across
 * word borders. The values were settled on the evaluation set (KnowledgeEvaluationTest) in coarse
 * steps; small changes around them move top-1 by a question or two either way.
 */
final class Fields {

    static final String ID = "id";
    static final String ZH_Q = "zh_q";
    static final String ZH_Q_BI = "zh_q_bi";
    static final String ZH_B_BI = "zh_b_bi";
    static final String EN_Q = "en_q";
    static final String EN_B = "en_b";

    static final float W_ZH_Q = 3.0f;
    static final float W_ZH_Q_BI = 1.5f;
    static final float W_ZH_B_BI = 1.0f;
    static final float W_EN_Q = 3.0f;
    static final float W_EN_B = 2.0f;
    static final float BM25_K1 = 1.2f;
    static final float BM25_B = 0.75f;
    /**
     * Share of a field's weight given to terms that only a synonym rule brought into the query.
     * The Chinese groups are broad (个体户, 个体, 小店…), the English ones closer equivalents.
     */
    static final float SYNONYM_FACTOR = 0.15f;
    static final float SYNONYM_FACTOR_EN = 0.3f;
    /**
     * How much the re-rank trusts coverage: score × (1 − w + w × coverage). Chinese coverage is
     * judged on substrings, which also match inside unrelated words, so it is trusted less.
     */
    static final float COVERAGE_WEIGHT = 0.4f;
    static final float COVERAGE_WEIGHT_EN = 0.7f;

    private Fields() {
    }
}
