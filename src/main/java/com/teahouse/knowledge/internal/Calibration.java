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
 * knowledge/calibration.yaml. The bot answers with the top entry when its probability reaches the
 * answer threshold of the question's language; otherwise it offers ("did you mean") the top entries
 * that reach the offer threshold, and declines when none does.
 * <p>
 * Each language has its own model and thresholds ({@code bias}, {@code weights}, {@code answerThreshold},
 * {@code offerThreshold} for Chinese; {@code english} for English questions, i.e. those whose
 * {@link Features#english()} is 1): Chinese is matched on substrings and English on stemmed words, so
 * the same figures do not mean the same in both, and with one threshold the wrong answers one language
 * stops making are spent by the other. A file without the English part uses the Chinese one for both.
 * <p>
 * {@code ranker} is the {@link LearnedRanker} of knowledge/ranking.yaml the model was fitted on (null: the hand
 * ranking serves): it is loaded beside this file and travels with it, because the answer model reads its output.
 * <p>
 * {@code englishWithoutMeaning} ({@code english_without_meaning} in the file) is the English model fitted without the
 * {@link Meanings} evidence, with thresholds chosen the same way: it decides English questions on a machine where the
 * sentence encoder cannot load, so the bot answers less there but is as often right (null: such questions are never
 * answered).
 */
public record Calibration(double bias, double[] weights, double answerThreshold, double offerThreshold,
                          Calibration english, LearnedRanker ranker, Calibration englishWithoutMeaning) {

    public static final String FILE = "calibration.yaml";

    /**
     * Served when calibration.yaml is missing or broken (kb check reports it): the fit of 2026-12-02 on
     * the evaluation set of then, so a lost file does not silence the bot. It need not follow later refits.
     */
    public static final Calibration DEFAULT = new Calibration(-8.1195,
            new double[] {1.4818, 3.4326, -2.1903, 0.4074, 0.6767, 0.9393, 0.5405, 0.7900, 0.2058, 1.4583, 0.0974, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            0.7395, 0.5495);

    public Calibration(double bias, double[] weights, double answerThreshold, double offerThreshold,
                       Calibration english, LearnedRanker ranker) {
        this(bias, weights, answerThreshold, offerThreshold, english, ranker, null);
    }

    public Calibration {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("expected " + Features.NAMES.size() + " weights");
        }
        if (english != null && english.english != null) {
            throw new IllegalArgumentException("the English part has no English part");
        }
        weights = weights.clone();
    }

    /** Without a learned ranker (the hand ranking serves). */
    public Calibration(double bias, double[] weights, double answerThreshold, double offerThreshold,
                       Calibration english) {
        this(bias, weights, answerThreshold, offerThreshold, english, null);
    }

    /** The same answer model over the given ranker's output (null: the hand ranking). */
    public Calibration withRanker(LearnedRanker r) {
        return new Calibration(bias, weights, answerThreshold, offerThreshold, english, r, englishWithoutMeaning);
    }

    /** With the English model to use when the meaning evidence is missing. */
    public Calibration withEnglishWithoutMeaning(Calibration lexical) {
        return new Calibration(bias, weights, answerThreshold, offerThreshold, english, ranker, lexical);
    }

    /**
     * What decides a question the meaning evidence could not be had for: English questions by the model fitted without
     * it; without one, by a model that answers nothing (the one fitted with it would misjudge them).
     */
    public Calibration withoutMeaning() {
        Calibration lexical = englishWithoutMeaning != null ? englishWithoutMeaning
                : new Calibration(-100, new double[weights.length], 1, 1);
        return new Calibration(bias, weights, answerThreshold, offerThreshold, lexical, ranker, null);
    }

    /** One model and one pair of thresholds for both languages (older files, tests). */
    public Calibration(double bias, double[] weights, double answerThreshold, double offerThreshold) {
        this(bias, weights, answerThreshold, offerThreshold, null);
    }

    /** The model and thresholds English questions are decided with. */
    public Calibration forEnglish() {
        return english == null ? this : english;
    }

    public double answerThreshold(boolean english) {
        return english ? forEnglish().answerThreshold : answerThreshold;
    }

    public double offerThreshold(boolean english) {
        return english ? forEnglish().offerThreshold : offerThreshold;
    }

    public double probability(Features f) {
        Calibration c = f.english() > 0 ? forEnglish() : this;
        return new LogisticFit.Model(c.bias, c.weights).probability(f.vector());
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
            Calibration zh = part(root, "");
            JsonNode en = root.get("english");
            JsonNode lexical = root.get("english_without_meaning");
            return en == null ? zh : new Calibration(zh.bias, zh.weights, zh.answerThreshold, zh.offerThreshold,
                    part(en, "english."), null, lexical == null ? null : part(lexical, "english_without_meaning."));
        } catch (IOException | RuntimeException e) {
            report.add(Problem.warning(file, 1, "bad calibration: " + e.getMessage()
                    + "; using the built-in calibration (kb check --calibrate <eval-dir> rewrites it)"));
            return DEFAULT;
        }
    }

    /** One language's model and thresholds; {@code path} names the part in messages. */
    private static Calibration part(JsonNode root, String path) {
        double[] w = new double[Features.NAMES.size()];
        JsonNode weights = root.path("weights");
        for (int i = 0; i < w.length; i++) {
            JsonNode v = weights.get(Features.NAMES.get(i));
            if (v == null && Features.ADDED.contains(Features.NAMES.get(i))) {
                continue; // a file fitted before the feature existed gives it no weight
            }
            if (v == null || !v.isNumber()) {
                throw new IllegalArgumentException(path + "weights." + Features.NAMES.get(i) + " must be a number");
            }
            w[i] = v.asDouble();
        }
        double answer = number(root, path, "answer_threshold");
        double offer = number(root, path, "offer_threshold");
        if (answer <= 0 || answer > 1 || offer <= 0 || offer > answer) {
            throw new IllegalArgumentException("need 0 < " + path + "offer_threshold <= " + path
                    + "answer_threshold <= 1");
        }
        return new Calibration(number(root, path, "bias"), w, answer, offer);
    }

    private static double number(JsonNode root, String path, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(path + key + " must be a number");
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
        appendPart(out, "");
        if (english != null) {
            out.append("# English questions (feature english = 1): their own model and thresholds\n");
            out.append("english:\n");
            english.appendPart(out, "  ");
        }
        if (englishWithoutMeaning != null) {
            out.append("# English questions when the sentence encoder cannot load (no meaning evidence)\n");
            out.append("english_without_meaning:\n");
            englishWithoutMeaning.appendPart(out, "  ");
        }
        return out.toString();
    }

    private void appendPart(StringBuilder out, String indent) {
        out.append(String.format(Locale.ROOT, "%sbias: %.4f%n", indent, bias));
        out.append(indent).append("weights:\n");
        for (int i = 0; i < weights.length; i++) {
            out.append(String.format(Locale.ROOT, "%s  %s: %.4f%n", indent, Features.NAMES.get(i), weights[i]));
        }
        out.append(String.format(Locale.ROOT, "%sanswer_threshold: %.4f%n", indent, answerThreshold));
        out.append(String.format(Locale.ROOT, "%soffer_threshold: %.4f%n", indent, offerThreshold));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.bias == bias && Arrays.equals(c.weights, weights)
                && c.answerThreshold == answerThreshold && c.offerThreshold == offerThreshold
                && java.util.Objects.equals(c.english, english) && java.util.Objects.equals(c.ranker, ranker)
                && java.util.Objects.equals(c.englishWithoutMeaning, englishWithoutMeaning);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Calibration[bias=" + bias + ", weights=" + Arrays.toString(weights) + ", answer=" + answerThreshold
                + ", offer=" + offerThreshold + (english == null ? "" : ", english=" + english) + (ranker == null ? "" : ", " + ranker) + "]";
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
