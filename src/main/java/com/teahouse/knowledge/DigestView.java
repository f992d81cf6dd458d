package com.teahouse.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.teahouse.knowledge.internal.DigestSearcher;
import com.teahouse.knowledge.internal.IndexSnapshot;
import com.teahouse.knowledge.internal.Ranking;

/**
 * One fixed generation of the digest, asked exactly as the bot asks it: the published one
 * ({@link PolicyDigest#published()}) or the published one with a draft entry laid over it
 * ({@link PolicyDigest#withDraft}). Immutable and thread-safe; a reload after it was taken does not change it.
 */
public final class DigestView {

    private final IndexSnapshot snapshot;
    private final LocalDate today;
    private final DigestSearcher searcher = new DigestSearcher();

    DigestView(IndexSnapshot snapshot, LocalDate today) {
        this.snapshot = snapshot;
        this.today = today;
    }

    /** As {@link PolicyDigest#ask(String, String, int)}. */
    public DigestAnswer ask(String question, String lang, int limit) {
        return searcher.ask(snapshot, question, PolicyDigest.language(lang), PolicyDigest.clamp(limit), today);
    }

    /** As {@link PolicyDigest#explain(String, String, int)}: the ranking with features, probability and decision. */
    public DigestExplanation explain(String question, String lang, int limit) {
        String l = PolicyDigest.language(lang);
        int n = PolicyDigest.clamp(limit);
        Ranking r = searcher.rank(snapshot, question, n, today);
        DigestAnswer answer = searcher.answer(r, question, l, n, snapshot, today);
        List<DigestExplanation.Result> results = new ArrayList<>();
        for (int i = 0; i < Math.min(n, r.entries().size()); i++) {
            Ranking.Ranked e = r.entries().get(i);
            results.add(new DigestExplanation.Result(e.entry().id(), Math.round(e.score() * 1000) / 1000.0,
                    e.features().asMap(), Math.round(e.probability() * 10000) / 10000.0, r.decisionFor(i), e.note(),
                    e.ranking()));
        }
        return new DigestExplanation(answer, List.copyOf(r.parties()), r.answerThreshold(), r.offerThreshold(),
                results);
    }

    /** Entries in this view. */
    public int size() {
        return snapshot.size();
    }

    IndexSnapshot snapshot() {
        return snapshot;
    }
}
