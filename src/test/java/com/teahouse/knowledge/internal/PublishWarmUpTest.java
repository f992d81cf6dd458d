package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The publish path's warm-up applies its publishes to a scratch index of its own: the served generation, its index
 * and what it answers are the same afterwards.
 */
class PublishWarmUpTest {

    private static final Path DIR = Path.of("knowledge");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @Test
    void warmUpPublishesToAScratchIndexAndLeavesTheServedOneAlone() throws Exception {
        try (KnowledgeReloader reloader = new KnowledgeReloader(DIR, new SimpleMeterRegistry(), CLOCK)) {
            IndexSnapshot served = reloader.current();
            DirectoryReader reader = (DirectoryReader) served.searcher().getIndexReader();
            List<EvalSet.Question> questions = EvalSet.questions(DIR.resolve("eval")).stream().limit(60).toList();
            DigestSearcher searcher = new DigestSearcher();
            List<String> before = questions.stream().map(q -> answer(searcher, served, q)).toList();
            int docs = reader.numDocs();

            int applied = PublishWarmUp.run(reloader, DirectoryMirror.read(DIR), 40);

            assertEquals(40, applied, "every round's publish was applied to the scratch index");
            assertSame(served, reloader.current(), "the served generation is the same");
            // nothing was committed to the served index: no newer reader of it exists
            assertNull(DirectoryReader.openIfChanged(reader), "the served index has no new commit");
            assertEquals(docs, reloader.current().size());
            assertEquals(before, questions.stream().map(q -> answer(searcher, reloader.current(), q)).toList());
        }
    }

    @Test
    void eachRoundEditsTheZhAnswerWithANewMarker() {
        String text = DirectoryMirror.read(DIR).get("entries/apportionment-refuse.md");
        assertTrue(PublishWarmUp.edited(text, 0).contains("（a）\n"));
        assertTrue(PublishWarmUp.edited(text, 26).contains("（aa）\n"));
    }

    @Test
    void aDigestWithoutEntriesIsNotWarmedUp() throws Exception {
        try (KnowledgeReloader reloader = new KnowledgeReloader(DIR, new SimpleMeterRegistry(), CLOCK)) {
            assertEquals(0, PublishWarmUp.run(reloader, Map.of("sources.yaml", "documents: []\n"), 10));
        }
    }

    private static String answer(DigestSearcher searcher, IndexSnapshot snap, EvalSet.Question q) {
        return searcher.ask(snap, q.q(), q.lang(), 5, LocalDate.of(2026, 12, 1)).toString();
    }
}
