package com.teahouse.knowledge.internal;

/**
 * Index field names and their weights; the weights, BM25 parameters and the synonym factor can be
 * overridden with -Dkb.NAME=value for calibration runs of KnowledgeEvaluationTest, and the defaults
 * are the best values found on the eval set. Sample questions and titles are how users phrase things, so
 * they outweigh the body text; bigram fields weigh less because they also match across word borders.
 */
final class Fields {

    static final String ID = "id";
    static final String ZH_Q = "zh_q";
    static final String ZH_Q_BI = "zh_q_bi";
    static final String ZH_B_BI = "zh_b_bi";
    static final String EN_Q = "en_q";
    static final String EN_B = "en_b";

    static final float W_ZH_Q = Float.parseFloat(System.getProperty("kb.W_ZH_Q", "3.0"));
    static final float W_ZH_Q_BI = Float.parseFloat(System.getProperty("kb.W_ZH_Q_BI", "1.5"));
    static final float W_ZH_B_BI = Float.parseFloat(System.getProperty("kb.W_ZH_B_BI", "1.0"));
    static final float W_EN_Q = Float.parseFloat(System.getProperty("kb.W_EN_Q", "3.0"));
    static final float W_EN_B = Float.parseFloat(System.getProperty("kb.W_EN_B", "2.0"));
    static final float BM25_K1 = Float.parseFloat(System.getProperty("kb.k1", "1.2"));
    static final float BM25_B = Float.parseFloat(System.getProperty("kb.b", "0.75"));
    /** Share of a field's weight given to terms that only a synonym rule brought into the query. */
    static final float SYNONYM_FACTOR = Float.parseFloat(System.getProperty("kb.synonymFactor", "0.15"));
    static final float SYNONYM_FACTOR_EN = Float.parseFloat(System.getProperty("kb.synonymFactorEn", "0.3"));

    static final float COVERAGE_WEIGHT = Float.parseFloat(System.getProperty("kb.coverageWeight", "0.5"));
    static final float COVERAGE_WEIGHT_EN = Float.parseFloat(System.getProperty("kb.coverageWeightEn", "0.7"));

    private Fields() {
    }
}
