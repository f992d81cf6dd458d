package com.teahouse.knowledge.internal;

import java.util.List;
import java.util.Locale;

/**
 * Which parts of an entry speak to the question: the idf-weighted share of the question's concepts
 * found in its title, its sample questions and its short answer (both languages). A question that
 * matches an entry's title is more likely about it than one that matches a word of its answer.
 * Words are matched as substrings; an English stem ending in "i" (compani) also matches without it
 * (company), which is how the English analyzer stems.
 */
final class FieldMatch {

    private FieldMatch() {
    }

    static double[] shares(QueryPlan plan, double[] weights, Entry e) {
        String[] fields = {
                (e.titleZh() + "\n" + e.titleEn()).toLowerCase(Locale.ROOT),
                (String.join("\n", e.questionsZh()) + "\n" + String.join("\n", e.questionsEn())).toLowerCase(Locale.ROOT),
                (e.answerZh() + "\n" + e.answerEn()).toLowerCase(Locale.ROOT)};
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[fields.length];
        if (total == 0) {
            return out;
        }
        for (int f = 0; f < fields.length; f++) {
            for (int c = 0; c < weights.length; c++) {
                if (found(plan.concepts.get(c), fields[f])) {
                    out[f] += weights[c] / total;
                }
            }
        }
        return out;
    }

    private static boolean found(QueryPlan.Concept c, String text) {
        for (String form : c.forms()) {
            if (text.contains(form) || c.english() && form.length() > 3 && form.endsWith("i")
                    && text.contains(form.substring(0, form.length() - 1))) {
                return true;
            }
        }
        List<String> phrases = c.phrases();
        for (String p : phrases) {
            if (text.contains(p.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
