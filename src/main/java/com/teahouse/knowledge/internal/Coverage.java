package com.teahouse.knowledge.internal;

import java.util.Locale;

/**
 * How much of a question an entry speaks to: the idf-weighted share of the question's concepts
 * found in the entry. A concept is found when the entry contains the word, a synonym the graph put
 * beside it, or an alternative of a synonym phrase the word is part of. Words the digest has never
 * seen weigh most, which is what makes "足球比赛几点开始" score low against every entry.
 */
final class Coverage {

    private Coverage() {
    }

    /** The idf of each concept's word: computed once per question, then reused for every candidate. */
    static double[] weights(QueryPlan plan, IndexSnapshot snap) {
        double[] w = new double[plan.concepts.size()];
        for (int i = 0; i < w.length; i++) {
            QueryPlan.Concept c = plan.concepts.get(i);
            w[i] = snap.idf(c.english(), c.word());
        }
        return w;
    }

    static double of(QueryPlan plan, double[] weights, Entry entry, int doc, IndexSnapshot snap) {
        if (plan.concepts.isEmpty()) {
            return 0;
        }
        String zhText = snap.zhText().getOrDefault(entry.id(), "");
        double total = 0;
        double found = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (found(plan.concepts.get(i), zhText, doc, snap)) {
                found += weights[i];
            }
        }
        return total == 0 ? 0 : found / total;
    }

    private static boolean found(QueryPlan.Concept c, String zhText, int doc, IndexSnapshot snap) {
        for (String form : c.forms()) {
            if (c.english() ? snap.contains(doc, Fields.EN_Q, form) || snap.contains(doc, Fields.EN_B, form)
                    : zhText.contains(form)) {
                return true;
            }
        }
        for (String phrase : c.phrases()) {
            if (zhText.contains(phrase.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
