package com.teahouse.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the calibration model sees of one ranked entry. Every figure is something a person can check
 * against the entry and the question (the explain API shows them):
 * <ul>
 *   <li>{@code log_score}: ln(1 + BM25 score) of the entry;</li>
 *   <li>{@code lead}: for the top entry, how far it is ahead of the runner-up: 1 − runner-up score / its
 *       score (0 is a tie); 0 for the others;</li>
 *   <li>{@code behind}: for the other entries, how far they are behind the top one: top score / own
 *       score − 1, capped at 1; 0 for the top entry;</li>
 *   <li>{@code coverage}: idf-weighted share of the question's words the entry contains (synonyms count);</li>
 *   <li>{@code title}, {@code questions}, {@code answer}: the same share, per field of the entry; for
 *       {@code questions}, in the one sample question that holds most of it ({@link FieldMatch});</li>
 *   <li>{@code length}: ln(1 + number of content words of the question);</li>
 *   <li>{@code per_word}: ln(1 + BM25 score / content words): BM25 sums over the question's words, so
 *       a long question scores high against many entries; per word it says how well each is met;</li>
 *   <li>{@code entity}: +1 when the question names the party this entry is for, −1 when it names
 *       another party, 0 otherwise (knowledge/entities.yaml);</li>
 *   <li>{@code english}: 1 when the question is mostly English (its coverage is judged on words, not
 *       substrings, so the same figure means something else).</li>
 *   <li>{@code en_lead}, {@code en_coverage}, {@code en_title}: lead, coverage and title for English
 *       questions, 0 for Chinese ones: English is matched on whole stemmed words and its questions are
 *       shorter, so these figures earn their own weights there instead of sharing the Chinese ones.</li>
 *   <li>{@code rank_p}: the {@link LearnedRanker}'s softmax probability of the entry over its list (without a
 *       learned ranker: its hand score's share of the list's sum); {@code rank_margin}: for the top entry, how
 *       much it is ahead of the runner-up in that probability; for the others, how far behind the top one
 *       (negative); {@code en_rank_p}: the same for English questions only.</li>
 *   <li>{@code en_meaning}: for English questions, how close the question's meaning is to the entry's (the best
 *       cosine between their sentence vectors, see {@link Meanings}); {@code en_meaning_margin}: how far that is above
 *       the closest of the other top entries (negative when below); {@code en_meaning_first}: 1 for the closest
 *       of them. 0 for Chinese questions.</li>
 * </ul>
 */
public record Features(double logScore, double lead, double behind, double coverage, double title, double questions,
                       double answer, double length, double perWord, double entity, double english, double rankP,
                       double rankMargin, double meaning, double meaningMargin, double meaningFirst) {

    /** The names, in the order of {@link #vector()}; calibration.yaml uses them as keys. */
    public static final List<String> NAMES = List.of("log_score", "lead", "behind", "coverage", "title",
            "questions", "answer", "length", "per_word", "entity", "english", "en_lead", "en_coverage", "en_title",
            "rank_p", "rank_margin", "en_rank_p", "en_meaning", "en_meaning_margin", "en_meaning_first");

    /**
     * The learned ranker's features: a fit on the hand ranking gives them no weight (see Calibrator: there they only
     * restate lead and behind).
     */
    public static final java.util.Set<String> RANKER = java.util.Set.of("rank_p", "rank_margin", "en_rank_p");

    /** The {@link Meanings} evidence, absent where the sentence encoder cannot load. */
    public static final java.util.Set<String> MEANING = java.util.Set.of("en_meaning", "en_meaning_margin",
            "en_meaning_first");

    /** Features added after calibration files were shipped: a file without them gives them no weight. */
    public static final java.util.Set<String> ADDED = java.util.Set.of("rank_p", "rank_margin", "en_rank_p",
            "en_meaning", "en_meaning_margin", "en_meaning_first");

    public double[] vector() {
        return new double[] {logScore, lead, behind, coverage, title, questions, answer, length, perWord, entity, english,
            english * lead, english * coverage, english * title, rankP, rankMargin, english * rankP,
            english * meaning, english * meaningMargin, english * meaningFirst};
    }

    public Map<String, Double> asMap() {
        double[] v = vector();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(NAMES.get(i), Math.round(v[i] * 10000) / 10000.0);
        }
        return out;
    }
}
