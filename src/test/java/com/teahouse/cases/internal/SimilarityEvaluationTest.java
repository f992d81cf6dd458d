package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 并单 similarity against labelled pairs (src/test/resources/similarity-eval): precision and recall at the
 * shipped threshold, and the sweep it was chosen from. Fails below the floor: precision 90% at recall 70%.
 */
class SimilarityEvaluationTest {

    static final double PRECISION_FLOOR = 0.90;
    static final double RECALL_FLOOR = 0.70;

    record Case(String id, String cluster, String category, String company, String owner, String text) {
    }

    record Pair(String a, String b, boolean duplicate) {
    }

    record Scored(Pair pair, String lang, double score) {
    }

    @Test
    void precisionAndRecallAtTheShippedThreshold() throws IOException {
        List<Scored> scored = scoreAll();
        double threshold = new MergeProperties(null, null, null).threshold();
        for (String lang : List.of("zh", "en", "all")) {
            List<Scored> part = scored.stream().filter(s -> lang.equals("all") || s.lang().equals(lang)).toList();
            double[] pr = precisionRecall(part, threshold);
            System.out.printf("similarity %s: %d pairs (%d duplicates), threshold %.2f: precision %.1f%%, "
                    + "recall %.1f%%%n", lang, part.size(), part.stream().filter(s -> s.pair().duplicate()).count(),
                    threshold, 100 * pr[0], 100 * pr[1]);
        }
        for (double t = 0.30; t <= 0.80; t += 0.05) {
            double[] pr = precisionRecall(scored, t);
            System.out.printf("  sweep %.2f: precision %.1f%% recall %.1f%%%n", t, 100 * pr[0], 100 * pr[1]);
        }
        scored.stream().filter(s -> s.pair().duplicate() != s.score() >= threshold).forEach(s -> System.out
                .printf("  miss %s-%s duplicate=%s score=%.3f%n", s.pair().a(), s.pair().b(), s.pair().duplicate(),
                        s.score()));
        double[] pr = precisionRecall(scored, threshold);
        assertThat(scored).hasSizeGreaterThanOrEqualTo(200);
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    static double[] precisionRecall(List<Scored> scored, double threshold) {
        long tp = scored.stream().filter(s -> s.score() >= threshold && s.pair().duplicate()).count();
        long fp = scored.stream().filter(s -> s.score() >= threshold && !s.pair().duplicate()).count();
        long fn = scored.stream().filter(s -> s.score() < threshold && s.pair().duplicate()).count();
        return new double[] {tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 1 : (double) tp / (tp + fn)};
    }

    static List<Scored> scoreAll() throws IOException {
        SimilarityScorer scorer = new SimilarityScorer();
        Map<String, Case> cases = cases();
        Set<String> zh = ids(read("cases-zh.yaml").cases());
        // document frequencies over every case text, as the index of open cases gives them at run time
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> terms = new HashMap<>();
        for (Case c : cases.values()) {
            Map<String, Integer> t = scorer.terms(c.text());
            terms.put(c.id(), t);
            for (String term : new HashSet<>(t.keySet())) {
                df.merge(term, 1, Integer::sum);
            }
        }
        List<Scored> out = new ArrayList<>();
        for (Pair p : pairs()) {
            Case a = cases.get(p.a());
            Case b = cases.get(p.b());
            assertThat(a).as(p.a()).isNotNull();
            assertThat(b).as(p.b()).isNotNull();
            SimilarityScorer.Score sc = scorer.score(terms.get(a.id()), doc(a), terms.get(b.id()), doc(b),
                    term -> df.getOrDefault(term, 0), cases.size());
            double s = sc.value();
            if (System.getenv("SIM_FEATURES") != null) {
                System.out.printf("F %s %s %.4f %d %d %d%n", a.id(), b.id(), sc.text(), sc.company() ? 1 : 0,
                        sc.owner() ? 1 : 0, p.duplicate() ? 1 : 0);
            }
            out.add(new Scored(p, zh.contains(a.id()) ? "zh" : "en", s));
        }
        return out;
    }

    /** Every labelled case, zh and en, by id. */
    static Map<String, Case> cases() throws IOException {
        Map<String, Case> cases = new HashMap<>();
        for (String lang : List.of("zh", "en")) {
            for (Case c : read("cases-" + lang + ".yaml").cases()) {
                assertThat(cases.put(c.id(), c)).as("id " + c.id() + " twice").isNull();
            }
        }
        return cases;
    }

    static List<Pair> pairs() throws IOException {
        return read("pairs.yaml").pairs();
    }

    private static SimilarityScorer.Doc doc(Case c) {
        return new SimilarityScorer.Doc(c.text(), c.company(), c.owner());
    }

    record File(List<Case> cases, List<Pair> pairs) {
    }

    private static File read(String name) throws IOException {
        try (InputStream in = SimilarityEvaluationTest.class.getResourceAsStream("/similarity-eval/" + name)) {
            return new ObjectMapper(new YAMLFactory())
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, File.class);
        }
    }

    static Set<String> ids(List<Case> cases) {
        return new HashSet<>(cases.stream().map(Case::id).toList());
    }
}
