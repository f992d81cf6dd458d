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
import com.teahouse.knowledge.RelatedEntry;

/** Runs one question against one snapshot and decides whether to answer. Stateless. */
public final class DigestSearcher {

    private final ConfidencePolicy policy;

    public DigestSearcher(ConfidencePolicy policy) {
        this.policy = policy;
    }

    public DigestAnswer ask(IndexSnapshot snap, String question, String lang, int limit, LocalDate today) {
        boolean english = "en".equals(lang);
        String shown = question == null ? "" : question;
        QueryPlan plan = QueryPlan.of(question, snap);
        if (!plan.zh && !plan.en) {
            return new DigestAnswer(shown, lang, false, Decline.EMPTY, 0, List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        try {
            TopDocs top = snap.searcher().search(plan.query, Math.max(limit, RERANK_DEPTH) + 16);
            for (ScoreDoc sd : top.scoreDocs) {
                Entry e = snap.byDoc().get(sd.doc);
                if (!e.isExpired(today)) {
                    candidates.add(new Candidate(e, sd.doc, sd.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (candidates.isEmpty()) {
            Decline why = HandoffDetector.asksForPerson(plan.text) ? Decline.ASKS_FOR_PERSON : Decline.NO_MATCH;
            return new DigestAnswer(shown, lang, false, why, 0, List.of());
        }
        rerank(plan, snap, candidates);
        List<Entry> ranked = candidates.stream().map(Candidate::entry).toList();
        List<Float> scores = candidates.stream().map(c -> (float) c.score).toList();
        double coverage = candidates.get(0).coverage;
        // the margin rule was calibrated on BM25 scores: judge the re-ranked pair by their BM25 scores
        double second = candidates.size() > 1 ? candidates.get(1).bm25 : 0;
        boolean sure = policy.answer(coverage, candidates.get(0).bm25, second);
        Decline decline = Decline.NONE;
        if (HandoffDetector.asksForPerson(plan.text)) {
            decline = Decline.ASKS_FOR_PERSON;
        } else if (plan.concepts.isEmpty()) {
            decline = Decline.EMPTY;
        } else if (!sure) {
            decline = Decline.NOT_SURE;
        }
        List<DigestHit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            hits.add(hit(ranked.get(i), scores.get(i), english, related(i, ranked, scores, snap, english, today)));
        }
        return new DigestAnswer(shown, lang, decline == Decline.NONE, decline, coverage, List.copyOf(hits));
    }

    /** One entry by id, as a hit without score or related entries; empty when unknown or expired. */
    public java.util.Optional<DigestHit> entry(IndexSnapshot snap, String id, String lang, LocalDate today) {
        Entry e = snap.byId().get(id);
        if (e == null || e.isExpired(today)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(hit(e, 0, "en".equals(lang), List.of()));
    }

    /** How many of BM25's best candidates are re-scored with their coverage of the question. */
    static final int RERANK_DEPTH = 10;

    private static final class Candidate {
        final Entry entry;
        final int doc;
        final double bm25;
        double score;
        double coverage;

        Candidate(Entry entry, int doc, double score) {
            this.entry = entry;
            this.doc = doc;
            this.bm25 = score;
            this.score = score;
        }

        Entry entry() {
            return entry;
        }
    }

    /**
     * Second pass over the best candidates: BM25 sums term scores, so an entry that repeats one
     * common word of the question ("company", 企业) in many sample questions can outscore the entry
     * that speaks to every part of it. Scaling by coverage (the idf-weighted share of the question's
     * concepts the entry contains) rewards breadth of match, a coordination factor BM25 lacks.
     */
    private static void rerank(QueryPlan plan, IndexSnapshot snap, List<Candidate> candidates) {
        int depth = Math.min(RERANK_DEPTH, candidates.size());
        // see Fields.COVERAGE_WEIGHT: Chinese coverage is looser (substrings), so it is trusted less
        double weight = plan.mostlyZh ? Fields.COVERAGE_WEIGHT : Fields.COVERAGE_WEIGHT_EN;
        double[] weights = Coverage.weights(plan, snap);
        List<Entry> top = new ArrayList<>(depth);
        int[] docs = new int[depth];
        for (int i = 0; i < depth; i++) {
            top.add(candidates.get(i).entry);
            docs[i] = candidates.get(i).doc;
        }
        double[] coverage = Coverage.of(plan, weights, top, docs, snap);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (i < depth) {
                c.coverage = coverage[i];
                c.score = c.score * (1 - weight + weight * c.coverage);
                if (namesOtherService(c.entry, plan, snap)) {
                    c.score *= OTHER_SERVICE_FACTOR;
                }
            } else {
                c.score = c.score * (1 - weight);
            }
        }
        candidates.subList(0, depth).sort((a, b) -> Double.compare(b.score, a.score));
    }

    /** Titles that name a service by its number (12345) are about that service, not this hotline. */
    private static final java.util.regex.Pattern SERVICE_NUMBER = java.util.regex.Pattern.compile("\\d{5,}");
    static final double OTHER_SERVICE_FACTOR = 0.8;

    /**
     * Whether the entry is about a service the question does not name. The digest covers two
     * hotlines, this one and 12345; a question about "the hotline", "you" or "here" asked in this
     * chat is about this one, so entries whose title names another service by number (or a synonym
     * of that number) rank a little lower unless the question names it too.
     */
    private static boolean namesOtherService(Entry e, QueryPlan plan, IndexSnapshot snap) {
        java.util.regex.Matcher m = SERVICE_NUMBER.matcher(e.titleEn() + " " + e.titleZh());
        if (!m.find()) {
            return false;
        }
        String number = m.group();
        String q = plan.text.toLowerCase(java.util.Locale.ROOT);
        if (q.contains(number)) {
            return false;
        }
        for (SynonymRules.Expansion x : snap.synonyms().expand(number)) {
            for (String alternative : x.alternatives()) {
                if (q.contains(alternative)) {
                    return false;
                }
            }
        }
        return true;
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
    private static List<RelatedEntry> related(int index, List<Entry> ranked, List<Float> scores, IndexSnapshot snap,
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
