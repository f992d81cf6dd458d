package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The cross-validated choice of the answer model's ridge and threshold, on synthetic questions. */
class CrossFitTest {

    /**
     * {@code n} questions with 3 ranked entries each: the first feature says how likely an entry is right, the other
     * {@code noise} features say nothing; the top entry is the one with the highest first feature.
     */
    private static List<CrossFit.Item> questions(long seed, int n, int noise) {
        Random r = new Random(seed);
        List<CrossFit.Item> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            List<LogisticFit.Sample> top = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                double[] x = new double[1 + noise];
                x[0] = r.nextDouble() * 4 - k;
                for (int j = 1; j < x.length; j++) {
                    x[j] = r.nextGaussian();
                }
                top.add(new LogisticFit.Sample(x, r.nextDouble() < 1 / (1 + Math.exp(-(2 * x[0] - 3)))));
            }
            out.add(new CrossFit.Item(q % CrossFit.FOLDS, top, false));
        }
        return out;
    }

    @Test
    void fewQuestionsAndManyUselessFeaturesGetAStrongerRidge() {
        CrossFit.Choice c = CrossFit.choose(questions(7, 60, 16), 17, 0.025);
        assertTrue(c.ridge() > CrossFit.RIDGES[0], "ridge " + c.ridge());
    }

    @Test
    void theThresholdIsReadOffOutOfFoldProbabilitiesOfTheChosenRidge() {
        List<CrossFit.Item> items = questions(11, 300, 2);
        CrossFit.Choice c = CrossFit.choose(items, 3, 0.025);
        assertEquals(Thresholds.answer(CrossFit.outOfFold(items, 3, c.ridge()), items.size(), 0.025), c.answerThreshold());
        // and it never answers more wrong than allowed, on the questions it was chosen on, scored out of fold
        long wrong = CrossFit.outOfFold(items, 3, c.ridge()).stream()
                .filter(t -> !t.right() && t.probability() >= c.answerThreshold()).count();
        assertTrue(wrong <= 0.025 * items.size(), wrong + " wrong");
    }

    @Test
    void aLargerWrongAnswerBudgetLowersTheThresholdAndAnswersMoreRight() {
        List<CrossFit.Item> items = questions(13, 300, 2);
        double[] budgets = {0.005, 0.01, 0.02, 0.05, 0.10};
        List<CrossFit.Point> points = CrossFit.frontier(items, 3, 3, budgets);
        assertEquals(budgets.length, points.size());
        for (int k = 1; k < points.size(); k++) {
            assertTrue(points.get(k).threshold() <= points.get(k - 1).threshold(), points.toString());
            assertTrue(points.get(k).answeredRight() >= points.get(k - 1).answeredRight(), points.toString());
        }
        // the chosen point of the frontier is the one choose() settles on for the same ridge and budget
        assertEquals(Thresholds.answer(CrossFit.outOfFold(items, 3, 3), items.size(), 0.02), points.get(2).threshold());
        assertTrue(points.get(4).answeredRight() > points.get(0).answeredRight(), points.toString());
    }

    @Test
    void aQuestionIsScoredByAModelThatNeverSawIt() {
        // every question of fold 0 has feature 5 and is right; in the other folds feature 5 is wrong and -5 right: a
        // model that saw fold 0 would rate feature 5 at about 1/3, the out-of-fold one near 0
        List<CrossFit.Item> items = new ArrayList<>();
        for (int q = 0; q < 100; q++) {
            boolean fold0 = q % CrossFit.FOLDS == 0;
            double x = fold0 ? 5 : q % 2 == 0 ? 5 : -5;
            boolean right = fold0 || x < 0;
            items.add(new CrossFit.Item(q % CrossFit.FOLDS, List.of(new LogisticFit.Sample(new double[] {x}, right)), false));
        }
        List<Thresholds.Scored> scored = CrossFit.outOfFold(items, 1, 1);
        assertEquals(100, scored.size());
        // outOfFold lists fold 0's questions first
        assertTrue(scored.subList(0, 20).stream().allMatch(s -> s.right() && s.probability() < 0.05),
                "a fold-0 question was scored by a model that saw it: " + scored.subList(0, 20));
    }

    @Test
    void foldsComeFromTheQuestionText() {
        EvalSet.Question q = new EvalSet.Question("企业被乱收费怎么办", "zh", List.of("x"), "short", false, "f");
        assertEquals(CrossFit.Item.of(q, List.of()).fold(), CrossFit.Item.of(q, List.of()).fold());
        assertEquals(Math.floorMod("企业被乱收费怎么办".hashCode(), CrossFit.FOLDS), CrossFit.Item.of(q, List.of()).fold());
    }
}
