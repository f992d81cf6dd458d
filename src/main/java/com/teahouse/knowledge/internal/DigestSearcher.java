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
        List<Entry> ranked = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        int topDoc = -1;
        try {
            TopDocs top = snap.searcher().search(plan.query, limit + 16);
            for (ScoreDoc sd : top.scoreDocs) {
                Entry e = snap.byDoc().get(sd.doc);
                if (!e.isExpired(today)) {
                    topDoc = ranked.isEmpty() ? sd.doc : topDoc;
                    ranked.add(e);
                    scores.add(sd.score);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ranked.isEmpty()) {
            Decline why = HandoffDetector.asksForPerson(plan.text) ? Decline.ASKS_FOR_PERSON : Decline.NO_MATCH;
            return new DigestAnswer(shown, lang, false, why, 0, List.of());
        }
        double coverage = Coverage.of(plan, ranked.get(0), topDoc, snap);
        double second = scores.size() > 1 ? scores.get(1) : 0;
        boolean sure = policy.answer(coverage, scores.get(0), second);
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

    static DigestHit hit(Entry e, double score, boolean english, List<RelatedEntry> related) {
        List<Citation> citations = new ArrayList<>();
        for (Entry.SourceRef ref : e.sources()) {
            ref.articles().forEach(a -> citations.add(new Citation(ref.document(), a)));
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
