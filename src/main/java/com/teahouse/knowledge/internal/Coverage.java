package com.teahouse.knowledge.internal;

import java.util.Arrays;
import java.util.List;
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

    /**
     * Coverage of several candidates at once ({@code docs[i]} is the Lucene doc of {@code entries[i]}).
     * English forms are looked up once per form and segment for all candidates together.
     */
    static double[] of(QueryPlan plan, double[] weights, List<Entry> entries, int[] docs, IndexSnapshot snap) {
        int n = docs.length;
        double[] out = new double[n];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (plan.concepts.isEmpty() || total == 0) {
            return out;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        int[] sorted = new int[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = docs[order[k]];
        }
        String[] zhTexts = new String[n];
        String[] partyOf = new String[n];
        for (int i = 0; i < n; i++) {
            zhTexts[i] = snap.zhText().getOrDefault(entries.get(i).id(), "");
            partyOf[i] = snap.entities().classOf(entries.get(i).id());
        }
        for (int c = 0; c < weights.length; c++) {
            QueryPlan.Concept concept = plan.concepts.get(c);
            boolean[] found = new boolean[n];
            if (concept.english()) {
                for (String form : concept.forms()) {
                    for (String field : new String[] {Fields.EN_Q, Fields.EN_B}) {
                        boolean[] has = snap.containing(field, form, sorted);
                        for (int k = 0; k < n; k++) {
                            found[order[k]] |= has[k];
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                // an entry for one party speaks to every name of it (卫生院, 公立医院 … for a public body)
                if (found[i] || zhFound(concept, zhTexts[i])
                        || !concept.english() && partyOf[i] != null && snap.entities().namesParty(partyOf[i], concept.word(), plan.text)) {
                    out[i] += weights[c];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] /= total;
        }
        return out;
    }

    private static boolean zhFound(QueryPlan.Concept c, String zhText) {
        if (!c.english()) {
            for (String form : c.forms()) {
                if (zhText.contains(form)) {
                    return true;
                }
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
