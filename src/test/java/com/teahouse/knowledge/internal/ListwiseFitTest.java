package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The learned ranker's listwise fit, on synthetic lists whose truth is known. */
class ListwiseFitTest {

    /**
     * Lists of ten candidates with three features: a signal the right entry tends to have more of, a penalty flag
     * the right entry seldom has, and noise. The right entry is drawn by a softmax of 3 x signal - 2 x flag.
     */
    private static List<ListwiseFit.Query> synthetic(long seed, int lists) {
        Random r = new Random(seed);
        List<ListwiseFit.Query> out = new ArrayList<>();
        for (int q = 0; q < lists; q++) {
            double[][] x = new double[10][];
            double[] weight = new double[10];
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                x[i] = new double[] {r.nextDouble(), r.nextDouble() < 0.3 ? 1 : 0, r.nextDouble()};
                weight[i] = Math.exp(3 * x[i][0] - 2 * x[i][1]);
                sum += weight[i];
            }
            double pick = r.nextDouble() * sum;
            boolean[] right = new boolean[10];
            for (int i = 0; i < 10; i++) {
                pick -= weight[i];
                if (pick <= 0) {
                    right[i] = true;
                    break;
                }
            }
            if (pick > 0) {
                right[9] = true;
            }
            out.add(new ListwiseFit.Query(x, right));
        }
        return out;
    }

    @Test
    void recoversTheSignsOfTheTrueWeights() {
        double[] w = ListwiseFit.fit(synthetic(7, 2000), 3, ListwiseFit.L2);
        assertTrue(w[0] > 2 && w[0] < 4, "signal " + w[0]);
        assertTrue(w[1] < -1 && w[1] > -3, "flag " + w[1]);
        assertTrue(Math.abs(w[2]) < 0.6, "noise " + w[2]);
    }

    @Test
    void theFitLowersTheLossAndIsDeterministic() {
        List<ListwiseFit.Query> data = synthetic(11, 300);
        double[] w = ListwiseFit.fit(data, 3, ListwiseFit.L2);
        assertTrue(ListwiseFit.loss(data, w, ListwiseFit.L2) < ListwiseFit.loss(data, new double[3], ListwiseFit.L2));
        assertArrayEquals(w, ListwiseFit.fit(data, 3, ListwiseFit.L2));
    }

    @Test
    void separableListsGiveFiniteWeights() {
        List<ListwiseFit.Query> data = List.of(
                new ListwiseFit.Query(new double[][] {{1}, {0}}, new boolean[] {true, false}),
                new ListwiseFit.Query(new double[][] {{0}, {1}}, new boolean[] {false, true}),
                new ListwiseFit.Query(new double[][] {{1}, {0}, {0}}, new boolean[] {true, false, true}));
        double[] w = ListwiseFit.fit(data, 1, ListwiseFit.L2);
        assertTrue(Double.isFinite(w[0]) && w[0] > 0, "weight " + w[0]);
    }
}
