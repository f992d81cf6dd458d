package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import com.teahouse.knowledge.Citation;
import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestAnswer.Decline;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.PreviousTurn;
import com.teahouse.knowledge.RelatedEntry;

/**
 * Runs one question against one snapshot: BM25 retrieval, the {@link Reranker}, for English questions the
 * {@link Meanings} evidence, then the snapshot's {@link Calibration} decides answer / offer / decline. Stateless (the
 * meanings' cache of entry vectors aside).
 */
public final class DigestSearcher {

    private final Meanings meanings;

    public DigestSearcher() {
        this(Meanings.shared());
    }

    /** With another source of meaning evidence (tests: none at all). */
    DigestSearcher(Meanings meanings) {
        this.meanings = meanings;
    }

    public DigestAnswer ask(IndexSnapshot snap, String question, String lang, int limit, LocalDate today) {
        return answer(rank(snap, question, limit, today), question, lang, limit, snap, today);
    }

    /**
     * A follow-up read against the previous turn: its entry ({@link FollowUp}; a null or unknown one is none), or,
     * when nothing was answered, its question ({@link EarlierQuestion}).
     */
    public DigestAnswer ask(IndexSnapshot snap, String question, PreviousTurn previous, String lang, int limit,
                            LocalDate today) {
        Ranking ranked = previous.entryId() == null && previous.question() != null
                ? EarlierQuestion.rank(this, snap, question, previous.question(), limit, today)
                : FollowUp.rank(this, snap, question, previous.entryId(), limit, today);
        return answer(ranked, question, lang, limit, snap, today);
    }

    public Ranking rank(IndexSnapshot snap, String question, int limit, LocalDate today) {
        QueryPlan plan = QueryPlan.of(question, snap);
        return rank(snap, question, plan, snap.entities().named(plan.text), limit, today);
    }

    /**
     * Ranks {@code plan} (the question, or the question with a follow-up's context); the request for
     * a person is judged on the user's own {@code question} alone, and wins over everything.
     */
    Ranking rank(IndexSnapshot snap, String question, QueryPlan plan, Set<String> parties, int limit,
                 LocalDate today) {
        return rank(snap, question, plan, parties, limit, today, Set.of());
    }

    /** As above, leaving out the entries of {@code exclude} (a follow-up asking about something else than its context). */
    Ranking rank(IndexSnapshot snap, String question, QueryPlan plan, Set<String> parties, int limit,
                 LocalDate today, Set<String> exclude) {
        Calibration calibration = snap.calibration();
        // a request for a person wins over everything; such questions are still ranked (for tools and
        // the explain API), but never answered
        Decline early = HandoffDetector.asksForPerson(question == null ? "" : question) ? Decline.ASKS_FOR_PERSON
                : plan.concepts.isEmpty() ? Decline.EMPTY : null;
        if (!plan.zh && !plan.en) {
            return new Ranking(plan.text, early == null ? Decline.EMPTY : early, parties, List.of(), calibration, 0);
        }
        List<Candidate> candidates = candidates(snap, plan, parties, limit, today, exclude);
        if (candidates.isEmpty()) {
            return new Ranking(plan.text, early == null ? Decline.NO_MATCH : early, parties, List.of(), calibration,
                    plan.concepts.size());
        }
        LearnedRanker ranker = calibration.ranker();
        if (ranker != null) {
            ranker.rerank(plan, candidates);
        }
        Meanings.Comparison meaning = plan.mostlyZh ? null : meanings.compare(plan.context.isEmpty() ? plan.text
                : plan.text + " " + plan.context, candidates.stream().map(c -> c.entry).toList());
        if (!plan.mostlyZh && meaning == null) {
            calibration = calibration.withoutMeaning();
        }
        double[] rankP = rankProbabilities(candidates, ranker != null);
        List<Ranking.Ranked> ranked = new ArrayList<>();
        int n = Math.min(Math.max(limit, 3), candidates.size());
        double length = Math.log(1 + plan.concepts.size());
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            double other = candidates.size() < 2 ? 0 : candidates.get(i == 0 ? 1 : 0).score;
            double ratio = c.score <= 0 ? 2 : Math.min(2, other / c.score);
            Features f = new Features(Math.log1p(c.bm25), i == 0 ? 1 - ratio : 0, i == 0 ? 0 : ratio - 1, c.coverage, c.fieldShares[0], c.fieldShares[1],
                    c.fieldShares[2], length, Math.log1p(c.bm25 / Math.max(1, plan.concepts.size())), c.entity,
                    plan.mostlyZh ? 0 : 1, rankP[i], rankP[i] - (i == 0 ? rankP.length > 1 ? rankP[1] : 0 : rankP[0]),
                    meaning == null ? 0 : meaning.rows()[i][0], meaning == null ? 0 : meaning.rows()[i][1],
                    meaning == null ? 0 : meaning.rows()[i][2]);
            String note = meaning == null || meaning.note(i).isEmpty() ? c.note
                    : c.note.isEmpty() ? meaning.note(i) : c.note + "; " + meaning.note(i);
            ranked.add(new Ranking.Ranked(c.entry, c.score, f, calibration.probability(f), note,
                    ranker == null || c.rankFeatures == null ? java.util.Map.of() : ranker.contributions(c.rankFeatures)));
        }
        return new Ranking(plan.text, early, parties, List.copyOf(ranked), calibration, plan.concepts.size());
    }

    /**
     * Each candidate's probability of being the one asked for: the learned ranker's softmax over its list;
     * without it, the hand score's share of the list's sum (0 below the list).
     */
    private static double[] rankProbabilities(List<Candidate> candidates, boolean learned) {
        double[] p = new double[candidates.size()];
        int depth = Math.min(LearnedRanker.DEPTH, candidates.size());
        double sum = 0;
        for (int i = 0; i < depth; i++) {
            sum += Math.max(0, candidates.get(i).score);
        }
        for (int i = 0; i < depth; i++) {
            Candidate c = candidates.get(i);
            p[i] = learned ? c.rankProbability : sum <= 0 ? 0 : Math.max(0, c.score) / sum;
        }
        return p;
    }

    /** BM25's candidates for {@code plan}, in the hand ranking's order ({@link Reranker}); what {@link LearnedRanker} re-orders. */
    List<Candidate> candidates(IndexSnapshot snap, QueryPlan plan, Set<String> parties, int limit, LocalDate today,
                               Set<String> exclude) {
        List<Candidate> candidates = new ArrayList<>();
        try {
            TopDocs top = snap.searcher().search(plan.query, Math.max(limit, Reranker.DEPTH) + 16);
            for (ScoreDoc sd : top.scoreDocs) {
                Entry e = snap.byDoc().get(sd.doc);
                if (!e.isExpired(today) && !exclude.contains(e.id())) {
                    candidates.add(new Candidate(e, sd.doc, sd.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // equal scores in entry-id order, not Lucene's document order: that order depends on how the index was
        // built (parallel adds, documents replaced by publishes), and the ranking must not
        candidates.sort(java.util.Comparator.comparingDouble((Candidate c) -> -c.score)
                .thenComparing(c -> c.entry.id()));
        if (!candidates.isEmpty()) {
            Reranker.rerank(plan, snap, candidates, parties, today);
            // the party rule may bring an excluded entry back in
            candidates.removeIf(c -> exclude.contains(c.entry.id()));
        }
        return candidates;
    }

    public DigestAnswer answer(Ranking r, String question, String lang, int limit, IndexSnapshot snap,
                               LocalDate today) {
        boolean english = "en".equals(lang);
        String shown = question == null ? "" : question;
        List<Entry> entries = r.entries().stream().map(Ranking.Ranked::entry).toList();
        List<Double> scores = r.entries().stream().map(Ranking.Ranked::score).toList();
        List<DigestHit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, entries.size()); i++) {
            hits.add(hit(entries.get(i), scores.get(i), english, related(i, entries, scores, snap, english, today)));
        }
        List<DigestHit> offered = r.offered().stream().map(o -> hit(o.entry(), o.score(), english,
                related(entries.indexOf(o.entry()), entries, scores, snap, english, today))).toList();
        return new DigestAnswer(shown, lang, r.answered(), r.decline(), r.confidence(), hits, offered);
    }

    /** One entry by id, as a hit without score or related entries; empty when unknown or expired. */
    public java.util.Optional<DigestHit> entry(IndexSnapshot snap, String id, String lang, LocalDate today) {
        Entry e = snap.byId().get(id);
        if (e == null || e.isExpired(today)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(hit(e, 0, "en".equals(lang), List.of()));
    }

    static DigestHit hit(Entry e, double score, boolean english, List<RelatedEntry> related) {
        List<Citation> citations = new ArrayList<>();
        for (Entry.SourceRef ref : e.sources()) {
            ref.articles().forEach(a -> citations.add(new Citation(ref.document(), a, ref.documentEn(), ref.effective())));
        }
        double rounded = Math.round(score * 1000) / 1000.0;
        return new DigestHit(e.id(), e.title(english), rounded, List.copyOf(citations), e.answer(english),
                e.detail(english), e.effective(), e.department(), related);
    }

    /** Up to two buttons: close runners-up first, then entries citing the same document. */
    private static List<RelatedEntry> related(int index, List<Entry> ranked, List<Double> scores, IndexSnapshot snap,
                                              boolean english, LocalDate today) {
        List<RelatedEntry> out = new ArrayList<>();
        Entry self = ranked.get(index);
        Set<String> taken = new java.util.HashSet<>(Set.of(self.id()));
        for (int i = 0; i < ranked.size() && out.size() < 2; i++) {
            if (i != index && scores.get(i) >= 0.5 * scores.get(0) && taken.add(ranked.get(i).id())) {
                out.add(new RelatedEntry(ranked.get(i).id(), ranked.get(i).title(english)));
            }
        }
        if (out.size() < 2 && !self.sources().isEmpty()) {
            for (Entry e : snap.byDocument().getOrDefault(self.sources().get(0).document(), List.of())) {
                if (out.size() >= 2) {
                    break;
                }
                if (!e.isExpired(today) && taken.add(e.id())) {
                    out.add(new RelatedEntry(e.id(), e.title(english)));
                }
            }
        }
        return List.copyOf(out);
    }
}
