package com.teahouse.knowledge.internal;

import java.util.List;
import java.util.Locale;

/**
 * Which parts of an entry speak to the question: the idf-weighted share of the question's concepts
 * found in its title, in its best-matching single sample question, and in its short answer (both languages). A
 * question that matches an entry's title is more likely about it than one that matches a word of its answer.
 * Sample questions are matched one at a time: an entry carries about ten of them per language, and together they
 * contain nearly every word a question about its neighbours uses too, so the share over all of them said little;
 * one sample question that holds most of the question is a way of asking this entry, not its sibling (session 13:
 * held-out answered-right 74.5% → 75.2%, follow-ups 71.2% → 72.0%, after the refit; within the noise of the split).
 * Words are matched as substrings; an English stem ending in "i" (compani) also matches without it
 * (company), which is how the English analyzer stems.
 */
final class FieldMatch {

    private FieldMatch() {
    }

    /** The shares of {@code plan}'s concepts in the title, the best single sample question and the short answer. */
    static double[] shares(QueryPlan plan, double[] weights, Entry e) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total == 0) {
            return new double[3];
        }
        return new double[] {
            share(plan, weights, total, e.titleZh() + "\n" + e.titleEn()),
            bestQuestion(plan, weights, total, e),
            share(plan, weights, total, e.answerZh() + "\n" + e.answerEn())};
    }

    /** The highest share of the question found in any one sample question of the entry (either language). */
    private static double bestQuestion(QueryPlan plan, double[] weights, double total, Entry e) {
        double best = 0;
        for (List<String> questions : List.of(e.questionsZh(), e.questionsEn())) {
            for (String q : questions) {
                best = Math.max(best, share(plan, weights, total, q));
            }
        }
        return best;
    }

    private static double share(QueryPlan plan, double[] weights, double total, String field) {
        String text = field.toLowerCase(Locale.ROOT);
        double share = 0;
        for (int c = 0; c < weights.length; c++) {
            if (found(plan.concepts.get(c), text)) {
                share += weights[c] / total;
            }
        }
        return share;
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
