package com.teahouse.knowledge.internal;

import java.util.List;

/**
 * Fits the weights of a linear listwise scorer: for each question, the softmax of {@code w·x} over its
 * candidates should put its mass on the right entries. The loss is the cross-entropy against the uniform
 * distribution over a question's right entries, plus {@link #L2}/2 · |w|²; it is convex, and Newton's method
 * (the Hessian is the covariance of the features under the softmax, summed over questions, plus the ridge)
 * finds its minimum in a few steps, halving a step that would raise the loss. Deterministic.
 */
public final class ListwiseFit {

    /** Ridge penalty: small next to the few hundred lists, large enough to keep weights finite when separable. */
    static final double L2 = 1.0;
    static final int MAX_ITERATIONS = 50;

    /** One question: its candidates' features, and which of them are right (at least one). */
    public record Query(double[][] x, boolean[] right) {
    }

    private ListwiseFit() {
    }

    public static double[] fit(List<Query> lists, int dimensions, double l2) {
        double[] w = new double[dimensions];
        double loss = loss(lists, w, l2);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[dimensions];
            double[][] hessian = new double[dimensions][dimensions];
            for (Query l : lists) {
                double[] p = softmax(l.x(), w);
                double[] q = targets(l.right());
                double[] mean = new double[dimensions];
                for (int i = 0; i < p.length; i++) {
                    double[] x = l.x()[i];
                    for (int a = 0; a < dimensions; a++) {
                        gradient[a] -= (p[i] - q[i]) * x[a];
                        mean[a] += p[i] * x[a];
                        for (int b = 0; b < dimensions; b++) {
                            hessian[a][b] += p[i] * x[a] * x[b];
                        }
                    }
                }
                for (int a = 0; a < dimensions; a++) {
                    for (int b = 0; b < dimensions; b++) {
                        hessian[a][b] -= mean[a] * mean[b];
                    }
                }
            }
            for (int a = 0; a < dimensions; a++) {
                gradient[a] -= l2 * w[a];
                hessian[a][a] += l2;
            }
            double[] step = LogisticFit.solve(hessian, gradient);
            double scale = 1;
            double[] next = w;
            double nextLoss = loss;
            for (int halving = 0; halving < 30; halving++) {
                next = new double[dimensions];
                for (int a = 0; a < dimensions; a++) {
                    next[a] = w[a] + scale * step[a];
                }
                nextLoss = loss(lists, next, l2);
                if (nextLoss <= loss) {
                    break;
                }
                scale /= 2;
            }
            if (nextLoss > loss) {
                break;
            }
            double size = 0;
            for (int a = 0; a < dimensions; a++) {
                size = Math.max(size, Math.abs(next[a] - w[a]));
            }
            w = next;
            loss = nextLoss;
            if (size < 1e-8) {
                break;
            }
        }
        return w;
    }

    /** The penalised cross-entropy of the weights. */
    static double loss(List<Query> lists, double[] w, double l2) {
        double total = 0;
        for (Query l : lists) {
            double[] p = softmax(l.x(), w);
            double[] q = targets(l.right());
            for (int i = 0; i < p.length; i++) {
                if (q[i] > 0) {
                    total -= q[i] * Math.log(Math.max(p[i], 1e-300));
                }
            }
        }
        for (double v : w) {
            total += l2 / 2 * v * v;
        }
        return total;
    }

    static double[] softmax(double[][] x, double[] w) {
        double[] s = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < w.length; a++) {
                s[i] += w[a] * x[i][a];
            }
            max = Math.max(max, s[i]);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
        return s;
    }

    private static double[] targets(boolean[] right) {
        int n = 0;
        for (boolean r : right) {
            n += r ? 1 : 0;
        }
        double[] q = new double[right.length];
        for (int i = 0; i < right.length; i++) {
            q[i] = right[i] ? 1.0 / n : 0;
        }
        return q;
    }
}
