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

    static double of(QueryPlan plan, Entry entry, int doc, IndexSnapshot snap) {
        if (plan.concepts.isEmpty()) {
            return 0;
        }
        String zhText = snap.zhText().getOrDefault(entry.id(), "");
        double total = 0;
        double found = 0;
        for (QueryPlan.Concept c : plan.concepts) {
            double w = snap.idf(c.english(), c.word());
            total += w;
            if (found(c, zhText, doc, snap)) {
                found += w;
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
