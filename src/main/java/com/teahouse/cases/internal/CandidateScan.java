package com.teahouse.cases.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one case against every held case of its group, with {@link SimilarityScorer}'s formula computed on the
 * term-id arrays of {@link OpenCaseTexts}: the idf of a term is computed once per scan, the case's own term
 * weights are laid out by id, so each other case costs one pass over its ids. The scratch arrays are reused
 * from scan to scan (a stamp tells this scan's entries from stale ones); one scan at a time.
 */
final class CandidateScan {

    /** A held case and its similarity to the scanned one. */
    record Scored(OpenCaseTexts.Held other, SimilarityScorer.Score score) {
    }

    /** {@link SimilarityScorer#saturate} of the counts most terms have, looked up rather than divided. */
    private static final double[] SATURATED = new double[64];

    static {
        for (int tf = 0; tf < SATURATED.length; tf++) {
            SATURATED[tf] = SimilarityScorer.saturate(tf);
        }
    }

    private final OpenCaseTexts texts;
    private int stamp;
    private int[] idfStamp = new int[0];
    private double[] idf = new double[0];
    private int[] mineStamp = new int[0];
    private double[] mine = new double[0];

    CandidateScan(OpenCaseTexts texts) {
        this.texts = texts;
    }

    /**
     * Every case of the probe's group opened at or after {@code from}, but the probe itself, that scores at
     * least {@code threshold}.
     */
    List<Scored> scan(OpenCaseTexts.Held probe, long from, double threshold) {
        begin();
        int docs = Math.max(1, texts.size());
        double mineNorm = 0;
        for (int i = 0; i < probe.terms().length; i++) {
            int id = probe.terms()[i];
            double w = saturated(probe.counts()[i]) * idf(id, docs);
            mineNorm += w * w;
            if (id >= 0) {
                mineStamp[id] = stamp;
                mine[id] = w;
            }
        }
        List<Scored> out = new ArrayList<>();
        for (OpenCaseTexts.Held other : texts.group(probe.group())) {
            if (other.opened() < from || other.tracking().equals(probe.tracking())) {
                continue;
            }
            double dot = 0;
            double norm = 0;
            int[] ids = other.terms();
            short[] counts = other.counts();
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                double w = saturated(counts[i]) * idf(id, docs);
                norm += w * w;
                if (mineStamp[id] == stamp) {
                    dot += mine[id] * w;
                }
            }
            double text = mineNorm == 0 || norm == 0 ? 0 : dot / Math.sqrt(mineNorm * norm);
            SimilarityScorer.Score s = SimilarityScorer.combine(text,
                    SimilarityScorer.sameNormalisedCompany(probe.company(), other.company()),
                    probe.owner() != null && probe.owner().equals(other.owner()));
            if (s.value() >= threshold) {
                out.add(new Scored(other, s));
            }
        }
        return out;
    }

    /** A new stamp, and scratch arrays as large as the term ids. */
    private void begin() {
        int capacity = texts.terms().capacity();
        if (idf.length < capacity) {
            idfStamp = new int[capacity];
            idf = new double[capacity];
            mineStamp = new int[capacity];
            mine = new double[capacity];
            stamp = 0;
        }
        stamp++;
    }

    private double idf(int id, int docs) {
        if (id < 0) {
            return SimilarityScorer.idf(0, docs);
        }
        if (idfStamp[id] != stamp) {
            idfStamp[id] = stamp;
            idf[id] = SimilarityScorer.idf(texts.terms().docFreq(id), docs);
        }
        return idf[id];
    }

    private static double saturated(int tf) {
        return tf < SATURATED.length ? SATURATED[tf] : SimilarityScorer.saturate(tf);
    }
}
