package com.teahouse.knowledge.internal;

import java.util.List;

/**
 * Logistic regression by iteratively reweighted least squares (Newton's method) with a small ridge
 * penalty on the weights (not the bias), so that separable data still gives finite weights.
 * Deterministic: no randomness, a fixed number of iterations at most, the same input gives the
 * same weights.
 */
public final class LogisticFit {

    /** Ridge penalty: small next to the few hundred samples, large enough to keep weights finite. */
    static final double RIDGE = 1.0;
    static final int MAX_ITERATIONS = 50;

    /** One labelled example: the features of a ranked entry and whether that entry is right. */
    public record Sample(double[] x, boolean right) {
    }

    /** The fitted model: {@code p = 1 / (1 + exp(-(bias + w·x)))}. */
    public record Model(double bias, double[] weights) {
        public double probability(double[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    private LogisticFit() {
    }

    public static Model fit(List<Sample> samples, int dimensions) {
        return fit(samples, dimensions, RIDGE);
    }

    /** As above, with the ridge penalty {@code ridge} on the weights. */
    public static Model fit(List<Sample> samples, int dimensions, double ridge) {
        int d = dimensions + 1; // index 0 is the bias
        double[] beta = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[d][d];
            double[] gradient = new double[d];
            for (Sample s : samples) {
                double[] x = withBias(s.x());
                double p = sigmoid(dot(beta, x));
                double w = Math.max(p * (1 - p), 1e-9);
                double r = (s.right() ? 1 : 0) - p;
                for (int i = 0; i < d; i++) {
                    gradient[i] += r * x[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += w * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                gradient[i] -= ridge * beta[i];
                hessian[i][i] += ridge;
            }
            hessian[0][0] += 1e-6;
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int i = 0; i < d; i++) {
                beta[i] += step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        double[] weights = new double[dimensions];
        System.arraycopy(beta, 1, weights, 0, dimensions);
        return new Model(beta[0], weights);
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Gaussian elimination with partial pivoting; {@code a} is positive definite here (ridge). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tr = m[col];
            m[col] = m[pivot];
            m[pivot] = tr;
            double tv = v[col];
            v[col] = v[pivot];
            v[pivot] = tv;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
                v[r] -= f * v[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
