package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short follow-up («超过期限了怎么办», «个体户也有吗», «不交会被罚吗») read with its context: the answer must
 * speak to the user's own words <em>and</em> sit in the context's topic. Two readings are made:
 * <ul>
 *   <li>the question alone (its words decide what is asked);</li>
 *   <li>the question with the context's title and tags typed after it, leaving the context entry out,
 *       since a follow-up asks about something the last answer did not say (what the topic's
 *       neighbourhood says about the question).</li>
 * </ul>
 * Each entry's score is the geometric mean of its two scores, each scaled to its reading's best, so an
 * entry strong in one reading and absent from the other (the word's general entry, the topic's
 * other rules) loses to the one found by both. The fused top is answered when a reading was sure of
 * it and it leads clearly; otherwise the plausible ones are offered. A question that repeats the
 * context's own words («能这样吗» after the same topic) keeps the context in play.
 */
final class TopicFusion {

    /** Share of a reading's best score given to an entry that reading did not find. */
    static final double ABSENT = 0.15;
    /** The fused runner-up must stay under this share of the top for the top to be answered. */
    static final double CLEAR_LEAD = 0.7;
    /** A reading's top entry must score this share of the other reading's best for its sureness to count. */
    static final double OWN_SHARE = 0.5;
    /** The question-alone reading's weight in the fused score for a one-word follow-up (0.5 otherwise). */
    static final double SINGLE_WORD_OWN = 0.3;
    /** The topic's words weigh this share of the question's own (see {@link QueryPlan#of(String, String, IndexSnapshot, float)}). */
    static final float TOPIC_FACTOR = 0.5f;
    /** How deep each reading is looked at. */
    static final int DEPTH = Reranker.DEPTH;

    private TopicFusion() {
    }

    record Fused(Ranking.Ranked ranked, double score, double best) {
    }

    static Ranking rank(DigestSearcher searcher, IndexSnapshot snap, String question, Entry context, int limit,
                        LocalDate today, String topic, Set<String> parties) {
        Ranking alone = searcher.rank(snap, question, DEPTH, today);
        boolean keepContext = !alone.entries().isEmpty() && alone.entries().get(0).entry().id().equals(context.id());
        Ranking near = searcher.rank(snap, question, QueryPlan.of(question, topic, snap, TOPIC_FACTOR), parties, DEPTH, today,
                keepContext ? Set.of() : Set.of(context.id()));
        if (near.entries().isEmpty() || alone.entries().isEmpty()) {
            return alone;
        }
        Map<String, Double> a = scaled(alone);
        Map<String, Double> n = scaled(near);
        Map<String, Ranking.Ranked> byId = new LinkedHashMap<>();
        Map<String, Double> best = new HashMap<>();
        // a reading's sureness counts only for its own top entry, and only when the other reading ranks that
        // entry high too: the topic's words make any entry of the topic look sure, and the question's one word
        // («个体户») makes its general entry look sure; anything else is at most offered
        for (Ranking r : List.of(alone, near)) {
            Map<String, Double> other = r == alone ? n : a;
            for (int i = 0; i < r.entries().size(); i++) {
                Ranking.Ranked x = r.entries().get(i);
                byId.putIfAbsent(x.entry().id(), x);
                boolean agreed = i == 0 && other.getOrDefault(x.entry().id(), 0.0) >= OWN_SHARE;
                best.merge(x.entry().id(), agreed ? x.probability() : Math.min(x.probability(), r.offerThreshold()),
                        Math::max);
            }
        }
        if (!keepContext) {
            byId.remove(context.id());
        }
        // one content word («个体户呢？») stands in for a part of the topic: on its own it names the word's
        // general entry, so the topic reading weighs more
        double own = alone.concepts() <= FollowUp.SINGLE_WORD ? SINGLE_WORD_OWN : 0.5;
        List<Fused> fused = new ArrayList<>();
        for (Map.Entry<String, Ranking.Ranked> e : byId.entrySet()) {
            double s = Math.pow(a.getOrDefault(e.getKey(), ABSENT), own)
                    * Math.pow(n.getOrDefault(e.getKey(), ABSENT), 1 - own);
            fused.add(new Fused(e.getValue(), s, best.get(e.getKey())));
        }
        fused.sort(Comparator.comparingDouble((Fused f) -> -f.score()).thenComparing(f -> f.ranked().entry().id()));
        Calibration c = near.calibration();
        double answer = near.answerThreshold();
        double offer = near.offerThreshold();
        Fused top = fused.get(0);
        boolean clear = fused.size() < 2 || fused.get(1).score() < CLEAR_LEAD * top.score();
        List<Ranking.Ranked> out = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(limit, 3), fused.size()); i++) {
            Fused f = fused.get(i);
            double p = i == 0 && clear ? f.best() : Math.min(Math.nextDown(answer), f.best());
            if (i == 0 && clear && p >= offer && firstOf(alone, f) && firstOf(near, f)) {
                // both readings put it first and it leads clearly: the topic and the question's words agree
                p = Math.max(p, answer);
            }
            out.add(new Ranking.Ranked(f.ranked().entry(), f.score(), f.ranked().features(), p,
                    "follow-up read with the topic of " + context.id()));
        }
        Ranking ranked = new Ranking(alone.text(), alone.early(), parties, List.copyOf(out), c, alone.concepts());
        if (ranked.answered()) {
            return unlessElsewhere(ranked, context, alone);
        }
        List<Ranking.Ranked> plausible = out.stream().limit(3).filter(r -> r.probability() >= offer).toList();
        return plausible.isEmpty() ? ranked : FollowUpOffer.of(ranked, plausible);
    }

    /**
     * An answer outside the context's documents is checked: for one word («个体户呢？») that the word alone
     * also ranks first, it is that word's general entry, not the word in the context's topic, so it is
     * offered; when an entry of the context's documents is plausible too, both are offered. A wrong answer to a follow-up is worse than a question back.
     */
    private static Ranking unlessElsewhere(Ranking ranked, Entry context, Ranking alone) {
        Ranking.Ranked top = ranked.entries().get(0);
        if (sharesDocument(top.entry(), context)) {
            return ranked;
        }
        if (alone.concepts() <= FollowUp.SINGLE_WORD && top.entry().id().equals(alone.entries().get(0).entry().id())) {
            return FollowUpOffer.of(ranked, List.of(top));
        }
        // an entry of the context's documents in the top 3, even one not plausible on its own, is what a follow-up
        // most often means («how long until I hear back?» after where to complain): ask rather than answer
        for (Ranking.Ranked r : ranked.entries().subList(1, Math.min(3, ranked.entries().size()))) {
            if (sharesDocument(r.entry(), context)) {
                return FollowUpOffer.of(ranked, List.of(top, r));
            }
        }
        return ranked;
    }

    private static boolean sharesDocument(Entry a, Entry b) {
        return a.sources().stream().anyMatch(s -> b.sources().stream().anyMatch(t -> t.document().equals(s.document())));
    }

    private static boolean firstOf(Ranking r, Fused f) {
        return r.entries().get(0).entry().id().equals(f.ranked().entry().id());
    }

    /** Each entry's score as a share of the reading's best. */
    private static Map<String, Double> scaled(Ranking r) {
        Map<String, Double> out = new HashMap<>();
        double top = r.entries().get(0).score();
        for (Ranking.Ranked x : r.entries()) {
            out.put(x.entry().id(), top <= 0 ? 0 : x.score() / top);
        }
        return out;
    }
}
