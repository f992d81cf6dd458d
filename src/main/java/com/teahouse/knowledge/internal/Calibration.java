package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * When the bot may answer: a logistic model of P(the entry is right | {@link Features}), fitted on the
 * calibration split of the evaluation set by {@code kb check --calibrate} and shipped as data in
 * knowledge/calibration.yaml. The bot answers with the top entry when its probability reaches
 * {@code answerThreshold}; otherwise it offers ("did you mean") the top entries that reach
 * {@code offerThreshold}, and declines when none does.
 */
public record Calibration(double bias, double[] weights, double answerThreshold, double offerThreshold) {

    public static final String FILE = "calibration.yaml";

    /**
     * Served when calibration.yaml is missing or broken (kb check reports it): the fit of 2026-12-02 on
     * the evaluation set of then, so a lost file does not silence the bot. It need not follow later refits.
     */
    public static final Calibration DEFAULT = new Calibration(-8.1195,
            new double[] {1.4818, 3.4326, -2.1903, 0.4074, 0.6767, 0.9393, 0.5405, 0.7900, 0.2058, 1.4583, 0.0974, 0, 0, 0},
            0.7395, 0.5495);

    public Calibration {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("expected " + Features.NAMES.size() + " weights");
        }
        weights = weights.clone();
    }

    public double probability(Features f) {
        return new LogisticFit.Model(bias, weights).probability(f.vector());
    }

    /** Reads the file; a missing or broken one gives a warning (kb check fails) and {@link #DEFAULT}. */
    static Calibration load(Path file, LoadReport report) {
        if (!Files.isRegularFile(file)) {
            report.add(Problem.warning(file, 1, "calibration.yaml is missing: using the built-in calibration "
                    + "(run kb check --calibrate <eval-dir> to write it)"));
            return DEFAULT;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            double[] w = new double[Features.NAMES.size()];
            JsonNode weights = root.path("weights");
            for (int i = 0; i < w.length; i++) {
                JsonNode v = weights.get(Features.NAMES.get(i));
                if (v == null || !v.isNumber()) {
                    throw new IllegalArgumentException("weights." + Features.NAMES.get(i) + " must be a number");
                }
                w[i] = v.asDouble();
            }
            double answer = number(root, "answer_threshold");
            double offer = number(root, "offer_threshold");
            if (answer <= 0 || answer > 1 || offer <= 0 || offer > answer) {
                throw new IllegalArgumentException("need 0 < offer_threshold <= answer_threshold <= 1");
            }
            return new Calibration(number(root, "bias"), w, answer, offer);
        } catch (IOException | RuntimeException e) {
            report.add(Problem.warning(file, 1, "bad calibration: " + e.getMessage()
                    + "; using the built-in calibration (kb check --calibrate <eval-dir> rewrites it)"));
            return DEFAULT;
        }
    }

    private static double number(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number");
        }
        return v.asDouble();
    }

    /** The file's text; {@code header} lines become comments (how and on what it was fitted). */
    public String toYaml(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("model: logistic\n");
        out.append(String.format(Locale.ROOT, "bias: %.4f%n", bias));
        out.append("weights:\n");
        for (int i = 0; i < weights.length; i++) {
            out.append(String.format(Locale.ROOT, "  %s: %.4f%n", Features.NAMES.get(i), weights[i]));
        }
        out.append(String.format(Locale.ROOT, "answer_threshold: %.4f%n", answerThreshold));
        out.append(String.format(Locale.ROOT, "offer_threshold: %.4f%n", offerThreshold));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.bias == bias && Arrays.equals(c.weights, weights)
                && c.answerThreshold == answerThreshold && c.offerThreshold == offerThreshold;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Calibration[bias=" + bias + ", weights=" + Arrays.toString(weights) + ", answer=" + answerThreshold
                + ", offer=" + offerThreshold + "]";
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
