package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * An index kept up to date by publishes (entries replaced, added, withdrawn, put back, through the live index) ranks
 * every evaluation question exactly as the same digest indexed afresh: same entries, same order, same scores, same
 * decision. Deleted documents are merged away before each reader opens, so BM25's corpus statistics are a full
 * build's.
 */
class IncrementalIndexRankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void editsAppliedToTheLiveIndexRankTheEvaluationAsAFullRebuild() {
        Path dir = Path.of("knowledge");
        DigestLoader.Loaded loaded = DigestLoader.load(dir, TODAY);
        assertFalse(loaded.report().hasErrors());
        AnalysisCache cache = new AnalysisCache();
        LiveIndex live = IndexBuilder.buildLive(loaded.entries(), cache);
        IndexSnapshot snap = IndexBuilder.snapshot(live.reader(), loaded.entries(), loaded.synonyms(), 1)
                .withRanking(loaded.calibration(), loaded.entities());
        Map<String, Entry> digest = new LinkedHashMap<>();
        loaded.entries().forEach(e -> digest.put(e.id(), e));
        List<Entry> all = new ArrayList<>(digest.values());

        // a sequence of publishes: edits, a new entry, withdrawals, a withdrawn entry put back, an edit undone
        Entry a = all.get(3);
        Entry b = all.get(40);
        Entry c = all.get(77);
        Entry d = all.get(120);
        snap = publish(snap, live, cache, digest, List.of(edited(a, "企业开办一网通办")), Set.of(), 2);
        snap = publish(snap, live, cache, digest, List.of(edited(b, "拖欠账款投诉"), copy(c, "c-copy")), Set.of(), 3);
        snap = publish(snap, live, cache, digest, List.of(), Set.of(d.id(), c.id()), 4);
        snap = publish(snap, live, cache, digest, List.of(edited(a, "营业执照变更")), Set.of(), 5);
        snap = publish(snap, live, cache, digest, List.of(d), Set.of(), 6);
        snap = publish(snap, live, cache, digest, List.of(b), Set.of(), 7);

        IndexSnapshot fresh = IndexBuilder.build(new ArrayList<>(digest.values()), loaded.synonyms(), 8)
                .withRanking(loaded.calibration(), loaded.entities());
        assertEquals(fresh.size(), snap.size());
        assertEquals(fresh.searcher().getIndexReader().numDocs(), snap.searcher().getIndexReader().maxDoc(),
                "no deleted document is left to count in the statistics");
        // the maps patched by each publish hold what a full build derives: the chat's texts, related entries
        assertEquals(fresh.zhText(), snap.zhText());
        assertEquals(ids(fresh.byDocument()), ids(snap.byDocument()));
        assertEquals(fresh.byId(), snap.byId());
        assertEquals(Set.copyOf(fresh.byDoc()), Set.copyOf(snap.byDoc()));
        DigestSearcher searcher = new DigestSearcher();
        int compared = 0;
        for (EvalSet.Question q : EvalSet.questions(dir.resolve("eval"))) {
            Ranking incremental = searcher.rank(snap, q.q(), 5, TODAY);
            Ranking full = searcher.rank(fresh, q.q(), 5, TODAY);
            assertEquals(describe(full), describe(incremental), q.q());
            compared++;
        }
        live.close();
        System.out.println("compared " + compared + " evaluation questions");
    }

    private static IndexSnapshot publish(IndexSnapshot snap, LiveIndex live, AnalysisCache cache,
                                         Map<String, Entry> digest, List<Entry> upserts, Set<String> removed,
                                         long generation) {
        removed.forEach(digest::remove);
        upserts.forEach(e -> digest.put(e.id(), e));
        return IndexBuilder.update(snap, live, upserts, removed, generation, cache);
    }

    private static Entry edited(Entry e, String question) {
        List<String> questions = new ArrayList<>(e.questionsZh());
        questions.add(question);
        return new Entry(e.id(), e.file(), e.titleZh(), e.titleEn(), questions, e.questionsEn(), e.sources(),
                e.effective(), e.expires(), e.department(), e.tags(), e.answerZh() + "（已修订）", e.detailZh(),
                e.answerEn(), e.detailEn());
    }

    private static Entry copy(Entry e, String id) {
        return new Entry(id, e.file().resolveSibling(id + ".md"), e.titleZh() + "副本", e.titleEn(), e.questionsZh(),
                e.questionsEn(), e.sources(), e.effective(), e.expires(), e.department(), e.tags(), e.answerZh(),
                e.detailZh(), e.answerEn(), e.detailEn());
    }

    private static Map<String, List<String>> ids(Map<String, List<Entry>> byDocument) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        byDocument.forEach((document, entries) -> out.put(document, entries.stream().map(Entry::id).toList()));
        return out;
    }

    private static String describe(Ranking r) {
        StringBuilder sb = new StringBuilder(String.valueOf(r.answered()) + " " + r.decline());
        r.entries().forEach(x -> sb.append("\n").append(x.entry().id()).append(" ").append(x.score()).append(" ")
                .append(x.probability()));
        return sb.toString();
    }
}
