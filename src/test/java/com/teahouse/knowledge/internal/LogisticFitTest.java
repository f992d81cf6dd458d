package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The answer model's fit and thresholds, on synthetic data whose truth is known. */
class LogisticFitTest {

    /** Two features: a score that makes "right" likelier, and a noise feature that says nothing. */
    private static List<LogisticFit.Sample> synthetic(long seed, int n) {
        Random r = new Random(seed);
        List<LogisticFit.Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = r.nextDouble() * 4;
            double noise = r.nextDouble();
            boolean right = r.nextDouble() < 1 / (1 + Math.exp(-(2 * score - 4)));
            out.add(new LogisticFit.Sample(new double[] {score, noise}, right));
        }
        return out;
    }

    @Property(tries = 30)
    void probabilityRisesWithTheScore(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 3.9) double score,
                                      @ForAll @DoubleRange(min = 0.01, max = 1) double step) {
        LogisticFit.Model m = LogisticFit.fit(synthetic(seed, 400), 2);
        assertTrue(m.weights()[0] > 0, "weight of the score " + m.weights()[0]);
        assertTrue(m.probability(new double[] {score + step, 0.5}) > m.probability(new double[] {score, 0.5}));
    }

    @Property(tries = 10)
    void recoversTheTrueSlopeRoughly(@ForAll long seed) {
        LogisticFit.Model m = LogisticFit.fit(synthetic(seed, 3000), 2);
        assertEquals(2.0, m.weights()[0], 0.6);
        assertEquals(0.0, m.weights()[1], 0.8);
    }

    @Property(tries = 10)
    void deterministic(@ForAll long seed) {
        List<LogisticFit.Sample> data = synthetic(seed, 300);
        LogisticFit.Model a = LogisticFit.fit(data, 2);
        LogisticFit.Model b = LogisticFit.fit(data, 2);
        assertEquals(a.bias(), b.bias());
        assertArrayEquals(a.weights(), b.weights());
    }

    @Property(tries = 200)
    void answerThresholdKeepsWrongAnswersWithinTheTarget(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n,
                                                         @ForAll @DoubleRange(min = 0, max = 0.2) double target) {
        Random r = new Random(seed);
        List<Thresholds.Scored> tops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = Math.round(r.nextDouble() * 50) / 50.0; // ties on purpose
            tops.add(new Thresholds.Scored(p, r.nextDouble() < p));
        }
        double t = Thresholds.answer(tops, n, target);
        long wrong = tops.stream().filter(s -> s.probability() >= t && !s.right()).count();
        assertTrue(wrong <= target * n, wrong + " wrong of " + n + " at threshold " + t);
        // minimal: the next lower probability would break the target
        double next = tops.stream().mapToDouble(Thresholds.Scored::probability).filter(p -> p < t).max().orElse(-1);
        if (next >= Thresholds.MIN) {
            long more = tops.stream().filter(s -> s.probability() >= next && !s.right()).count();
            assertTrue(more > target * n, "threshold " + t + " is not the lowest within the target");
        }
    }

    @Property(tries = 200)
    void offerThresholdOffersToFewOutOfScopeQuestions(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int n,
                                                      @ForAll @DoubleRange(min = 0, max = 0.5) double share) {
        Random r = new Random(seed);
        List<Double> best = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            best.add(Math.round(r.nextDouble() * 20) / 20.0);
        }
        double t = Thresholds.offer(best, share, 0.9);
        assertTrue(t <= 0.9);
        long offered = best.stream().filter(p -> p >= t).count();
        assertTrue(offered <= Math.max(share * n, best.stream().filter(p -> p >= 0.9).count()),
                offered + " of " + n + " offered at " + t);
    }
}
