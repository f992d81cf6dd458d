package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.teahouse.knowledge.internal.Calibration;
import com.teahouse.knowledge.internal.DigestLoader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** calibration.yaml and entities.yaml as data: refit by kb check --calibrate, checked by kb check. */
class KbCalibrateCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path eval;

    @BeforeEach
    void setUp() {
        DigestFixture.write(dir);
        DigestFixture.write(eval.resolve("questions.yaml"), """
                questions:
                  - {q: "大企业拖欠账款多久必须付款", lang: zh, expect: [payment-term-60-days]}
                  - {q: "质保期过了保证金还不退", lang: zh, expect: [deposit-refund]}
                  - {q: "审批时被要求找指定中介", lang: zh, expect: [intermediary-fees]}
                  - {q: "how long can a big company delay paying my invoice", lang: en, expect: [payment-term-60-days]}
                  - {q: "when is the performance deposit returned", lang: en, expect: [deposit-refund]}
                  - {q: "足球比赛几点开始", lang: zh, expect: []}
                  - {q: "转人工", lang: zh, expect: [], person: true}
                """);
    }

    private String run(int expectedCode, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = KbCheckCommand.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, out);
        return out;
    }

    @Test
    void calibrateWritesAFileTheDigestLoadsCleanly() throws IOException {
        Files.delete(dir.resolve("calibration.yaml"));
        DigestFixture.write(dir.resolve("ranking.yaml"), "model: softmax\nweights: {}\n");
        String out = run(0, "--calibrate", eval.toString(), dir.toString());
        assertTrue(out.contains("answer threshold") && out.contains("log_score") && out.contains("wrote"), out);
        assertTrue(out.contains("what each wrong-answer budget would give") && out.contains("  3.0%"), out);
        String written = Files.readString(dir.resolve("calibration.yaml"));
        assertTrue(written.contains("answer_threshold:") && written.contains("weights:"), written);
        assertTrue(written.contains("english_without_meaning:") && out.contains("without the sentence encoder"), written);
        assertTrue(out.indexOf("ranker:") < out.indexOf("calibration split:") && out.contains("hand_share"), out);
        // the ranker is kept only when it beats the hand ranking; a stale file is never left beside the new model
        if (out.contains("the learned ranker serves")) {
            String ranking = Files.readString(dir.resolve("ranking.yaml"));
            assertTrue(ranking.contains("model: softmax") && ranking.contains("coverage:"), ranking);
        } else {
            assertTrue(out.contains("the hand ranking serves") && !Files.exists(dir.resolve("ranking.yaml")), out);
        }
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertTrue(loaded.report().isClean(), loaded.report().problems().toString());
        assertEquals(Files.exists(dir.resolve("ranking.yaml")), loaded.calibration().ranker() != null);
        Calibration lexical = loaded.calibration().englishWithoutMeaning();
        assertTrue(lexical != null && lexical.english() == null, "the fallback English model is read back");
        assertEquals(0, lexical.weights()[com.teahouse.knowledge.internal.Features.NAMES.indexOf("en_meaning")]);
        try (PolicyDigest digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null)) {
            assertEquals(3, digest.size());
        }
    }

    @Test
    void aMissingRankingIsNotedAndTheHandRankingServes() throws IOException {
        Files.deleteIfExists(dir.resolve("ranking.yaml"));
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertNull(loaded.calibration().ranker());
        assertTrue(loaded.report().isClean(), loaded.report().problems().toString());
        assertTrue(run(0, dir.toString()).contains("ranking.yaml is missing: the hand ranking serves"));
        try (PolicyDigest digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null)) {
            assertEquals("payment-term-60-days", digest.ask("大企业拖欠账款多久必须付款", "zh", 3).results().get(0).id());
        }
    }

    @Test
    void aBrokenRankingIsAProblemAndTheHandRankingServes() throws IOException {
        Files.writeString(dir.resolve("ranking.yaml"), "model: softmax\nweights: {log_bm25: 1, coverage: x}\n");
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertNull(loaded.calibration().ranker());
        assertTrue(loaded.report().problems().stream().anyMatch(p -> p.message().contains("bad ranking")
                && p.message().contains("the hand ranking serves")), loaded.report().problems().toString());
        assertTrue(run(1, dir.toString()).contains("ranking.yaml"));
        try (PolicyDigest digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null)) {
            assertEquals("payment-term-60-days", digest.ask("大企业拖欠账款多久必须付款", "zh", 3).results().get(0).id());
        }
    }

    @Test
    void calibrateNeedsAnEvaluationDirectory() {
        assertTrue(run(2, "--calibrate").contains("usage"));
        assertTrue(run(2, "--calibrate", dir.resolve("nope").toString(), dir.toString()).contains("does not exist"));
    }

    @Test
    void aMissingCalibrationIsAProblemWithASafeDefault() throws IOException {
        Files.delete(dir.resolve("calibration.yaml"));
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertEquals(Calibration.DEFAULT, loaded.calibration().withRanker(null));
        assertTrue(loaded.report().problems().stream().anyMatch(p -> p.message().contains("calibration.yaml is missing")));
        assertTrue(run(1, dir.toString()).contains("calibration.yaml"));
    }

    @Test
    void aBrokenCalibrationIsAProblemWithASafeDefault() throws IOException {
        Files.writeString(dir.resolve("calibration.yaml"), "bias: x\nweights: {log_score: 1}\n");
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertEquals(Calibration.DEFAULT, loaded.calibration().withRanker(null));
        assertTrue(loaded.report().problems().stream().anyMatch(p -> p.message().contains("bad calibration")));
        try (PolicyDigest digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null)) {
            assertTrue(digest.ask("大企业拖欠账款多久必须付款", "zh", 3).results().size() > 0, "still serves");
        }
    }

    @Test
    void entitiesNamingUnknownEntriesAreReported() throws IOException {
        Files.writeString(dir.resolve("entities.yaml"), """
                classes:
                  public-body:
                    words: [政府]
                    entries: [pay-gov-30-days]
                """);
        DigestLoader.Loaded loaded = DigestLoader.load(dir, LocalDate.now());
        assertTrue(loaded.report().problems().stream().anyMatch(p -> p.message().contains("pay-gov-30-days")),
                loaded.report().problems().toString());
    }
}
