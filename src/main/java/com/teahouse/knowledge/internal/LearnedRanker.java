package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The learned reranker: a linear score {@code w·x} over each of the {@link Reranker}'s first {@link #DEPTH}
 * candidates, and the softmax of those scores over the list as each one's probability of being the entry
 * asked for. Fitted by {@link ListwiseFit} on the calibration split ({@code kb check --calibrate}) and shipped
 * as knowledge/ranking.yaml; without that file the hand ranking of {@link Reranker} serves. The features
 * ({@link #NAMES}) are figures a person can check, and the explain API shows each one's contribution:
 * <ul>
 *   <li>{@code log_bm25}, {@code bm25_share}: ln(1 + BM25 score); BM25 score over the list's best;</li>
 *   <li>{@code hand_share}, {@code hand_first}, {@code hand_rank}: the hand ranking's score over the list's
 *       best, 1 for its first entry, ln(1 + its place): the hand rules (coverage, party, other service) as
 *       one opinion among the others;</li>
 *   <li>{@code coverage}, {@code title}, {@code questions}, {@code answer}: see {@link Features};</li>
 *   <li>{@code party_match}, {@code party_other}: the question names this entry's party, another one;</li>
 *   <li>{@code other_service}: the entry is another service's rule, or this hotline's when the question names
 *       another service; {@code brought_in}: the party rule added the entry;</li>
 *   <li>{@code en_*}: the same figures for English questions only (matched on stemmed words, so they mean
 *       something else there).</li>
 * </ul>
 */
public record LearnedRanker(double[] weights) {

    public static final String FILE = "ranking.yaml";
    /** What kb check says of a digest without the file. */
    public static final String MISSING = "note: ranking.yaml is missing: the hand ranking serves (kb check --calibrate"
            + " <eval-dir> writes it)";
    public static final int DEPTH = Reranker.DEPTH;

    public static final List<String> NAMES = List.of("log_bm25", "bm25_share", "hand_share", "hand_first", "hand_rank",
            "coverage", "title", "questions", "answer", "party_match", "party_other", "other_service", "brought_in",
            "en_bm25_share", "en_hand_share", "en_coverage", "en_title", "en_questions");

    public LearnedRanker {
        if (weights.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " weights");
        }
        weights = weights.clone();
    }

    /** The features of each of {@code top} (in the hand ranking's order), for the list they are in. */
    static double[][] features(QueryPlan plan, List<Candidate> top) {
        double bestBm25 = 0;
        double bestHand = 0;
        for (Candidate c : top) {
            bestBm25 = Math.max(bestBm25, c.bm25);
            bestHand = Math.max(bestHand, c.score);
        }
        double en = plan.mostlyZh ? 0 : 1;
        double[][] out = new double[top.size()][];
        for (int i = 0; i < top.size(); i++) {
            Candidate c = top.get(i);
            double bm25Share = bestBm25 <= 0 ? 0 : c.bm25 / bestBm25;
            double handShare = bestHand <= 0 ? 0 : c.score / bestHand;
            out[i] = new double[] {Math.log1p(c.bm25), bm25Share, handShare, i == 0 ? 1 : 0, Math.log1p(i),
                c.coverage, c.fieldShares[0], c.fieldShares[1], c.fieldShares[2], c.entity > 0 ? 1 : 0,
                c.entity < 0 ? 1 : 0, c.otherService ? 1 : 0, c.broughtIn ? 1 : 0,
                en * bm25Share, en * handShare, en * c.coverage, en * c.fieldShares[0], en * c.fieldShares[1]};
        }
        return out;
    }

    double score(double[] x) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * x[i];
        }
        return s;
    }

    /**
     * Orders the first {@link #DEPTH} candidates by the model (ties keep the hand order) and gives each its
     * softmax probability. The scores stay the hand ranking's, dealt out in the new order (the best to the new
     * first): the model decides the order, while what reads scores as strengths (the lead of {@link Features},
     * a follow-up's fusion of two readings) sees the same spread of scores as before, and nothing at all
     * changes where the model agrees with the hand ranking.
     */
    void rerank(QueryPlan plan, List<Candidate> candidates) {
        int depth = Math.min(DEPTH, candidates.size());
        List<Candidate> top = candidates.subList(0, depth);
        double[][] x = features(plan, top);
        double[] s = new double[depth];
        double[] scores = new double[depth];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < depth; i++) {
            s[i] = score(x[i]);
            scores[i] = top.get(i).score;
            max = Math.max(max, s[i]);
        }
        double sum = 0;
        for (int i = 0; i < depth; i++) {
            sum += Math.exp(s[i] - max);
        }
        for (int i = 0; i < depth; i++) {
            top.get(i).rankFeatures = x[i];
            top.get(i).rankProbability = Math.exp(s[i] - max) / sum;
        }
        top.sort((a, b) -> Double.compare(b.rankProbability, a.rankProbability));
        java.util.Arrays.sort(scores);
        for (int i = 0; i < depth; i++) {
            top.get(i).score = scores[depth - 1 - i];
        }
    }

    /** Each feature's contribution {@code weight × value} to one candidate's score, by name. */
    Map<String, Double> contributions(double[] x) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            if (x[i] != 0 && weights[i] != 0) {
                out.put(NAMES.get(i), Math.round(weights[i] * x[i] * 10000) / 10000.0);
            }
        }
        return out;
    }

    /**
     * Reads the file. Missing, it is null and the hand ranking serves: a digest may do without a learned ranker,
     * so kb check only notes it ({@link #MISSING}). Broken, it is a warning (kb check fails: someone meant to ship
     * one) and null.
     */
    static LearnedRanker load(Path file, LoadReport report) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode weights = root == null ? null : root.get("weights");
            if (weights == null || !weights.isObject()) {
                throw new IllegalArgumentException("weights must be a map of feature to number");
            }
            double[] w = new double[NAMES.size()];
            for (int i = 0; i < w.length; i++) {
                JsonNode v = weights.get(NAMES.get(i));
                if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new IllegalArgumentException("weights." + NAMES.get(i) + " must be a number");
                }
                w[i] = v.asDouble();
            }
            return new LearnedRanker(w);
        } catch (IOException | RuntimeException e) {
            report.add(Problem.warning(file, 1, "bad ranking: " + e.getMessage()
                    + "; the hand ranking serves (kb check --calibrate <eval-dir> rewrites it)"));
            return null;
        }
    }

    /** The file's text; {@code header} lines become comments (how and on what it was fitted). */
    public String toYaml(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("model: softmax\nweights:\n");
        for (int i = 0; i < weights.length; i++) {
            out.append(String.format(Locale.ROOT, "  %s: %.4f%n", NAMES.get(i), weights[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearnedRanker r && java.util.Arrays.equals(r.weights, weights);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "LearnedRanker" + java.util.Arrays.toString(weights);
    }
}
