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
    String note = "";

    Candidate(Entry entry, int doc, double bm25) {
        this.entry = entry;
        this.doc = doc;
        this.bm25 = bm25;
        this.score = bm25;
    }
}
