package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the opening computes ({@link CandidateScan} over {@link OpenCaseTexts}) is the similarity the evaluation
 * measured ({@link SimilarityScorer#score}): for every labelled pair the same value, so the evaluation's precision
 * and recall are those of the running hotline. And the term table forgets what leaves the window.
 */
class CandidateScanTest {

    @Test
    void theScanGivesTheEvaluatedScoreForEveryLabelledPair() throws IOException {
        SimilarityScorer scorer = new SimilarityScorer();
        Map<String, SimilarityEvaluationTest.Case> cases = SimilarityEvaluationTest.cases();
        OpenCaseTexts texts = new OpenCaseTexts(scorer);
        Map<String, Integer> df = new HashMap<>();
        for (SimilarityEvaluationTest.Case c : cases.values()) {
            // one group for all: every labelled pair is compared, as the evaluation compares them
            texts.add(c.id(), "eval", "", c.text(), c.company(), c.owner(), false, 1);
            new HashSet<>(scorer.terms(c.text()).keySet()).forEach(t -> df.merge(t, 1, Integer::sum));
        }
        CandidateScan scan = new CandidateScan(texts);
        int compared = 0;
        for (SimilarityEvaluationTest.Pair p : SimilarityEvaluationTest.pairs()) {
            SimilarityEvaluationTest.Case a = cases.get(p.a());
            SimilarityEvaluationTest.Case b = cases.get(p.b());
            double expected = scorer.score(doc(a), doc(b), t -> df.getOrDefault(t, 0), cases.size()).value();
            List<CandidateScan.Scored> found = scan.scan(texts.get(a.id()), 0, 0);
            double scanned = found.stream().filter(s -> s.other().tracking().equals(b.id())).findFirst()
                    .orElseThrow().score().value();
            assertThat(scanned).as(p.a() + "-" + p.b()).isCloseTo(expected, within(1e-9));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(200);
    }

    @Test
    void termsNoCaseHoldsAnyMoreAreForgotten() {
        SimilarityScorer scorer = new SimilarityScorer();
        OpenCaseTexts texts = new OpenCaseTexts(scorer);
        String older = "保证金五十万元住建局一直不退";
        String newer = "保证金逾期未退";
        texts.add("OLD", "payment", "奎文区", older, null, "o1", false, 1_000);
        texts.add("NEW", "payment", "奎文区", newer, null, "o2", false, 5_000);
        Set<String> shared = new HashSet<>(scorer.terms(older).keySet());
        shared.retainAll(scorer.terms(newer).keySet());
        Set<String> oldOnly = new HashSet<>(scorer.terms(older).keySet());
        oldOnly.removeAll(shared);
        assertThat(shared).isNotEmpty();
        assertThat(oldOnly).isNotEmpty();
        shared.forEach(t -> assertThat(texts.terms().docFreq(texts.terms().idOf(t))).as(t).isEqualTo(2));

        texts.prune(2_000);

        assertThat(texts.size()).isEqualTo(1);
        assertThat(texts.get("OLD")).isNull();
        assertThat(texts.group(OpenCaseTexts.group("payment", "奎文区"))).extracting(OpenCaseTexts.Held::tracking)
                .containsExactly("NEW");
        shared.forEach(t -> assertThat(texts.terms().docFreq(texts.terms().idOf(t))).as(t).isEqualTo(1));
        oldOnly.forEach(t -> assertThat(texts.terms().idOf(t)).as(t).isEqualTo(-1));
        assertThat(texts.terms().size()).isEqualTo(scorer.terms(newer).size());
        texts.add("NEWER", "payment", "奎文区", older, null, "o3", false, 6_000); // ids freed are taken again
        oldOnly.forEach(t -> assertThat(texts.terms().docFreq(texts.terms().idOf(t))).as(t).isEqualTo(1));
    }

    private static SimilarityScorer.Doc doc(SimilarityEvaluationTest.Case c) {
        return new SimilarityScorer.Doc(c.text(), c.company(), c.owner());
    }
}
