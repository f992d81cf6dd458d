package com.teahouse.knowledge.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The meaning evidence: the real encoder for what it means, a counting one for what it costs. */
class MeaningsTest {

    private static Entry entry(String id, String title, String... questions) {
        return new Entry(id, Path.of(id + ".md"), "标题", title, List.of("问题"), List.of(questions), List.of(),
                LocalDate.of(2020, 1, 1), null, "dept", List.of(), "答复", "", "Answer", "");
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("trademark", "Registering a trademark", "How do I register a trademark?"),
            entry("gov-payment", "Public bodies must pay small suppliers within 30 days",
                    "The government department has not paid our invoice"),
            entry("export-refund", "Export tax refunds", "Can we get VAT back on exported goods?"));

    /** A stand-in encoder that counts what it is asked to encode: every text maps to the same unit vector. */
    private static final class Counting implements SentenceEncoder {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public float[] encode(String text) {
            seen.add(text);
            float[] v = new float[4];
            v[0] = 1;
            return v;
        }
    }

    @Test
    void aParaphraseSharingNoWordIsClosestToTheEntryThatMeansIt() {
        Meanings.Comparison c = Meanings.shared().compare("the city office still owes us money for work we delivered",
                ENTRIES);
        double[][] m = c.rows();
        assertEquals("The government department has not paid our invoice", c.closest()[1]);
        assertTrue(c.note(1).startsWith("closest in meaning: \"The government department has not paid our invoice\" (0."),
                c.note(1));
        assertEquals(1, m[1][2], "the public-payment entry is the closest");
        assertEquals(0, m[0][2]);
        assertTrue(m[1][1] > 0, "ahead of the others: " + m[1][1]);
        assertTrue(m[0][1] < 0 && m[2][1] < 0, "the others are behind it");
        assertTrue(m[1][0] > m[0][0] + 0.1 && m[1][0] > m[2][0] + 0.1, "clearly closer");
    }

    @Test
    void onlyTheFirstCandidatesAreComparedAndTheRestGetNothing() {
        Counting encoder = new Counting();
        List<Entry> many = IntStream.range(0, Meanings.DEPTH + 2)
                .mapToObj(i -> entry("e" + i, "title " + i, "question " + i)).toList();
        Meanings.Comparison c = new Meanings(() -> encoder).compare("a question", many);
        double[][] m = c.rows();
        assertNull(c.closest()[Meanings.DEPTH]);
        assertEquals("", c.note(Meanings.DEPTH));
        assertEquals(many.size(), m.length);
        assertArrayEquals(new double[3], m[Meanings.DEPTH]);
        assertArrayEquals(new double[3], m[Meanings.DEPTH + 1]);
        assertFalse(encoder.seen.contains("title " + Meanings.DEPTH), "a candidate past the depth is not encoded");
        assertEquals(1.0, m[0][0], 1e-2);
        assertEquals(1, m[0][2], "a tie goes to the higher-ranked candidate");
    }

    @Test
    void aHugePasteIsCutBeforeItIsEncoded() {
        Counting encoder = new Counting();
        String paste = "why has my invoice not been paid AND (x OR \"y\") ".repeat(3000);
        new Meanings(() -> encoder).compare(paste, ENTRIES);
        assertEquals(Meanings.MAX_CHARS, encoder.seen.get(0).length());
    }

    @Test
    void anEncoderThatFailsGivesNoEvidenceInsteadOfAnError() {
        Meanings meanings = new Meanings(() -> text -> {
            throw new IllegalStateException("runtime gone");
        });
        assertNull(meanings.compare("unpaid invoice", ENTRIES));
        meanings.warmUp(ENTRIES);
        await().atMost(Duration.ofSeconds(30)).until(() -> meanings.pending() == 0);
    }

    @Test
    void theRealEncoderGivesTheSameVectorsWhenQuestionsArriveTogether() throws Exception {
        SentenceEncoder encoder = SentenceEncoder.load();
        List<String> texts = IntStream.range(0, 40).mapToObj(i -> "why was invoice number " + i + " not paid on time")
                .toList();
        List<float[]> alone = texts.stream().map(encoder::encode).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> together = texts.stream()
                    .map(t -> pool.submit(() -> encoder.encode(t))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(alone.get(i), together.get(i).get(), 1e-5f, texts.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void withoutAnEncoderThereIsNoEvidence() {
        assertNull(new Meanings(() -> SentenceEncoder.NONE).compare("unpaid invoice", ENTRIES));
    }

    @Test
    void entryTextsAreEncodedOnceWhetherWarmedUpOrReachedByAQuestion() {
        Counting encoder = new Counting();
        Meanings meanings = new Meanings(() -> encoder);
        meanings.warmUp(ENTRIES);
        await().atMost(Duration.ofSeconds(30)).until(() -> meanings.pending() == 0);
        assertEquals(6, encoder.seen.size(), "three titles and three sample questions");
        meanings.compare("first question", ENTRIES);
        meanings.compare("second question", ENTRIES);
        assertEquals(List.of("first question", "second question"), encoder.seen.subList(6, 8),
                "afterwards only the questions are encoded");
        meanings.warmUp(ENTRIES);
        assertEquals(0, meanings.pending(), "a reload of unchanged entries has nothing to encode");
    }

    @Test
    void withoutTheEvidenceEnglishQuestionsAreDecidedByTheModelFittedWithoutItAndChineseOnesAreUnchanged() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        DigestLoader.Loaded loaded = DigestLoader.load(Path.of("knowledge"), today);
        IndexSnapshot snap = IndexBuilder.build(loaded.entries(), loaded.synonyms(), 1)
                .withRanking(loaded.calibration(), loaded.entities());
        Calibration lexical = loaded.calibration().englishWithoutMeaning();
        assertTrue(lexical != null, "calibration.yaml ships the English model without meaning evidence");
        DigestSearcher with = new DigestSearcher();
        DigestSearcher without = new DigestSearcher(new Meanings(() -> SentenceEncoder.NONE));
        String english = "Can a government department delay paying a small business for months?";
        Ranking seen = with.rank(snap, english, 5, today);
        Ranking blind = without.rank(snap, english, 5, today);
        assertTrue(seen.entries().get(0).features().meaning() > 0);
        assertEquals(0, blind.entries().get(0).features().meaning());
        assertEquals(lexical.answerThreshold(), blind.answerThreshold());
        assertEquals(lexical.offerThreshold(), blind.offerThreshold());
        assertEquals(new LogisticFit.Model(lexical.bias(), lexical.weights())
                .probability(blind.entries().get(0).features().vector()), blind.confidence(), 1e-12);
        assertEquals(seen.entries().get(0).entry(), blind.entries().get(0).entry(), "the ranking does not change");

        String chinese = "政府部门拖欠我们货款好几个月了，有没有规定必须多久付款？";
        assertEquals(with.rank(snap, chinese, 5, today).confidence(), without.rank(snap, chinese, 5, today).confidence());
    }

    @Test
    void aCalibrationWithoutTheFallbackModelAnswersNoEnglishQuestionWithoutTheEvidence() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        DigestLoader.Loaded loaded = DigestLoader.load(Path.of("knowledge"), today);
        Calibration c = loaded.calibration().withEnglishWithoutMeaning(null);
        IndexSnapshot snap = IndexBuilder.build(loaded.entries(), loaded.synonyms(), 1).withRanking(c, loaded.entities());
        Ranking blind = new DigestSearcher(new Meanings(() -> SentenceEncoder.NONE))
                .rank(snap, "Can a government department delay paying a small business for months?", 5, today);
        assertFalse(blind.answered());
        assertTrue(blind.offered().isEmpty());
    }
}
