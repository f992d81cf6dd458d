package com.teahouse.policy.internal;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * When a question joins an existing line of the unanswered list. A line keeps the analysed words of its first
 * phrasing ({@code first}) and of all its phrasings so far ({@code all}, capped). The question joins when its words
 * mostly coincide with the first phrasing's (Jaccard at least {@link #JACCARD}), or half of the shorter of the two is
 * in the other ({@link #OVERLAP}: a short question on the same topic); or when nearly all of its words
 * (at least two, {@link #CONTAINED}) were asked in this line already; or when the digest found the same closest
 * entry for both and most of its words are the line's ({@link #SAME_ENTRY_OVERLAP}). Word order, filler and
 * synonyms are gone already, since the words come from the digest's analyzers.
 */
final class ClusterMatch {

    static final double JACCARD = 0.5;
    static final double OVERLAP = 0.5;
    static final double CONTAINED = 0.75;
    static final double SAME_ENTRY_OVERLAP = 0.6;

    private ClusterMatch() {
    }

    /**
     * The words that tell questions apart: the analysers split unknown Chinese text into single characters (哪些 →
     * 些), which every question shares, so a single character counts only when nothing longer is left.
     */
    static Set<String> significant(Set<String> words) {
        Set<String> longer = new java.util.TreeSet<>();
        words.stream().filter(w -> w.codePointCount(0, w.length()) >= 2).forEach(longer::add);
        return longer.isEmpty() ? words : longer;
    }

    /** How well a question matches a line; 0 when it should not join it. */
    static double score(Set<String> question, String questionTop, Collection<String> first, Collection<String> all,
                        String lineTop) {
        if (question.isEmpty() || first.isEmpty()) {
            return 0;
        }
        long common = first.stream().filter(question::contains).count();
        double jaccard = (double) common / (question.size() + first.size() - common);
        if (jaccard >= JACCARD) {
            return 1 + jaccard;
        }
        double overlap = (double) common / Math.min(question.size(), first.size());
        if (overlap >= OVERLAP) {
            return overlap;
        }
        long seen = all.stream().filter(question::contains).count();
        double contained = (double) seen / question.size();
        if (seen >= 2 && contained >= CONTAINED) {
            return contained;
        }
        boolean sameEntry = questionTop != null && Objects.equals(questionTop, lineTop);
        return sameEntry && contained >= SAME_ENTRY_OVERLAP ? contained / 2 : 0;
    }
}
