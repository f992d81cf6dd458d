package com.teahouse.knowledge.internal;

/** One entry in the running while a question is ranked; mutable only inside one search. */
final class Candidate {

    final Entry entry;
    final int doc;
    final double bm25;
    double score;
    double coverage;
    double[] fieldShares = new double[3];
    int entity;
    /** Named another service (or this hotline's rule when the question names another); brought in by the party rule. */
    boolean otherService;
    boolean broughtIn;
    /** What {@link LearnedRanker} saw and gave: its features and the softmax probability; null / 0 without it. */
    double[] rankFeatures;
    double rankProbability;
    String note = "";

    Candidate(Entry entry, int doc, double bm25) {
        this.entry = entry;
        this.doc = doc;
        this.bm25 = bm25;
        this.score = bm25;
    }
}
