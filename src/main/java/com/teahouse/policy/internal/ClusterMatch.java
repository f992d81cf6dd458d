package com.teahouse.policy.internal;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * When a question joins an existing line of the unanswered list: its analysed words mostly coincide with the
 * line's (Jaccard at least {@link #JACCARD}), or the digest found the same closest entry for both and most of the
 * shorter one's words are in the other (overlap at least {@link #SAME_ENTRY_OVERLAP}). Word order, filler and
 * synonyms are gone already, since the words come from the digest's analyzers.
 */
final class ClusterMatch {

    static final double JACCARD = 0.5;
    static final double SAME_ENTRY_OVERLAP = 0.6;

    private ClusterMatch() {
    }

    /** How well a question matches a line; 0 when it should not join it. */
    static double score(Set<String> question, String questionTop, Collection<String> line, String lineTop) {
        if (question.isEmpty() || line.isEmpty()) {
            return 0;
        }
        long common = line.stream().filter(question::contains).count();
        double jaccard = (double) common / (question.size() + line.size() - common);
        if (jaccard >= JACCARD) {
            return jaccard;
        }
        boolean sameEntry = questionTop != null && Objects.equals(questionTop, lineTop);
        double overlap = (double) common / Math.min(question.size(), line.size());
        return sameEntry && overlap >= SAME_ENTRY_OVERLAP ? Math.max(jaccard, JACCARD * overlap) : 0;
    }
}
