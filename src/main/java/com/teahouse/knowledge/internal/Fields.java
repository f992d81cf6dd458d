package com.teahouse.knowledge.internal;

/**
 * Index field names and their weights. Sample questions and titles are how users phrase things, so
 * they outweigh the body text; bigram fields weigh less because they also match across word borders.
 */
final class Fields {

    static final String ID = "id";
    static final String ZH_Q = "zh_q";
    static final String ZH_Q_BI = "zh_q_bi";
    static final String ZH_B = "zh_b";
    static final String ZH_B_BI = "zh_b_bi";
    static final String EN_Q = "en_q";
    static final String EN_B = "en_b";

    static final float W_ZH_Q = 3.0f;
    static final float W_ZH_Q_BI = 1.5f;
    static final float W_ZH_B = 1.0f;
    static final float W_ZH_B_BI = 0.5f;
    static final float W_EN_Q = 3.0f;
    static final float W_EN_B = 1.0f;
    /** Share of a field's weight given to terms that only a synonym rule brought into the query. */
    static final float SYNONYM_FACTOR = Float.parseFloat(System.getProperty("kb.synonymFactor", "0.3"));

    private Fields() {
    }
}
