package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * decision. Deleted documents stay in their segments, so this holds only because their terms are subtracted from
 * BM25's corpus statistics (and from the document frequencies the query plan and coverage read).
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
        // enough small publishes that the merge policy merges their segments: each holds a new entry version and
        // the version of `a` the next publish deletes, so merges drop deleted documents, and the counts must follow
        for (int i = 0; i < 15; i++) {
            snap = publish(snap, live, cache, digest, List.of(edited(all.get(150 + i), "第" + i + "次修订"),
                    edited(a, "营业执照变更第" + i + "次")), Set.of(), 8 + i);
        }
        assertTrue(snap.searcher().getIndexReader().leaves().size() < 15, "small segments were merged");

        IndexSnapshot fresh = IndexBuilder.build(new ArrayList<>(digest.values()), loaded.synonyms(), 99)
                .withRanking(loaded.calibration(), loaded.entities());
        assertEquals(fresh.size(), snap.size());
        assertTrue(snap.searcher().getIndexReader().maxDoc() > snap.searcher().getIndexReader().numDocs(),
                "deleted documents are still in the index, so the statistics must leave them out");
        // the maps patched by each publish hold what a full build derives: the chat's texts, related entries
        assertEquals(fresh.zhText(), snap.zhText());
        assertEquals(ids(fresh.byDocument()), ids(snap.byDocument()));
        assertEquals(fresh.byId(), snap.byId());
        assertEquals(live(fresh.byDoc()), live(snap.byDoc()));
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
        return IndexUpdate.update(snap, live, upserts, removed, generation, cache);
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

    /** The entries of live documents (a deleted document's slot holds null). */
    private static Set<Entry> live(List<Entry> byDoc) {
        return byDoc.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
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
