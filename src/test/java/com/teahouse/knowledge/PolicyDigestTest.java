package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Answering on a small fixture: citations, languages, declines, expiry and hostile input. */
class PolicyDigestTest {

    @TempDir
    Path dir;

    PolicyDigest digest;

    @BeforeEach
    void setUp() {
        DigestFixture.write(dir);
        digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null);
    }

    @AfterEach
    void tearDown() {
        digest.close();
    }

    @Test
    void answersWithCitationInChineseAndEnglish() {
        DigestAnswer zh = digest.ask("大公司拖欠账款多久必须付给我们", "zh", 3);
        assertTrue(zh.answered(), zh.toString());
        DigestHit hit = zh.answer().orElseThrow();
        assertEquals("payment-term-60-days", hit.id());
        assertEquals(new Citation("保障中小企业款项支付条例", 9, "Regulations on Ensuring Payments to SMEs",
                LocalDate.of(2025, 6, 1)), hit.citations().get(0));
        assertEquals(LocalDate.of(2025, 6, 1), hit.effective());
        assertTrue(hit.answer().contains("60日内"), hit.answer());
        assertEquals("《保障中小企业款项支付条例》第9条", ChatAnswerFormatter.citations(hit));

        DigestAnswer en = digest.ask("how long may a big company delay paying my invoice", "en", 3);
        assertTrue(en.answered(), en.toString());
        DigestHit enHit = en.answer().orElseThrow();
        assertTrue(enHit.answer().contains("within 60 days"), enHit.answer());
        assertEquals("《保障中小企业款项支付条例》第9条", ChatAnswerFormatter.citations(enHit));
    }

    @Test
    void crossLanguageQuestionIsSearchedOnItsOwnSide() {
        DigestAnswer a = digest.ask("保证金不退", "en", 3);
        assertEquals("deposit-refund", a.results().get(0).id());
        assertTrue(a.results().get(0).title().startsWith("Deposits"), "title in the requested language");
    }

    @Test
    void synonymsAreApplied() {
        // 押金 is only a synonym of 保证金 in the fixture's synonyms.txt
        assertEquals("deposit-refund", digest.ask("押金还不退", "zh", 3).results().get(0).id());
        // "欠款不给" is only in synonyms.txt; smartcn splits it, the phrase rule still applies
        assertEquals("payment-term-60-days", digest.ask("大企业欠款不给", "zh", 3).results().get(0).id());
    }

    @Test
    void relatedEntriesAreOtherEntries() {
        DigestHit hit = digest.ask("质保期过了保证金不退", "zh", 1).results().get(0);
        assertFalse(hit.related().isEmpty());
        assertTrue(hit.related().size() <= 2);
        assertTrue(hit.related().stream().noneMatch(r -> r.id().equals(hit.id())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "我要人工客服", "talk to a human", "can I speak to someone please"})
    void requestsForAPersonAreDeclined(String q) {
        DigestAnswer a = digest.ask(q, PolicyDigest.detectLanguage(q), 3);
        assertFalse(a.answered());
        assertEquals(DigestAnswer.Decline.ASKS_FOR_PERSON, a.decline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天天气怎么样", "who won the football match", "火锅店推荐"})
    void offTopicIsDeclined(String q) {
        assertFalse(digest.ask(q, "zh", 3).answered(), q);
    }

    @Test
    void expiredEntriesAreNeverAnswers() throws IOException {
        Path file = dir.resolve("entries/deposit-refund.md");
        Files.writeString(file, Files.readString(file).replace("effective: 2025-06-01\n",
                "effective: 2025-06-01\nexpires: 2026-03-01\n"));
        Clock after = Clock.fixed(LocalDate.of(2026, 3, 2).atStartOfDay(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        try (PolicyDigest later = new PolicyDigest(dir, new SimpleMeterRegistry(), null, after)) {
            DigestAnswer a = later.ask("质保期过了保证金还不退", "zh", 5);
            assertTrue(a.results().stream().noneMatch(h -> h.id().equals("deposit-refund")), a.toString());
        }
    }

    /** Query syntax in user text is just text; huge and empty input are harmless. */
    @ParameterizedTest
    @ValueSource(strings = {"AND", "OR", "NOT", "*", "?", "\"", ":", "~", "(", ")", "[", "]", "{", "}", "^", "\\", "/",
            "保证金 AND 押金", "deposit OR *", "title:保证金", "\"unterminated", "fuzzy~2 (group", "a^10 [1 TO 5]",
            "+-&&||!", "*:*", "  ", "😀😀", "\u0000\u0001"})
    void queryParserSyntaxIsHarmless(String q) {
        DigestAnswer a = digest.ask(q, "zh", 5);
        assertEquals(q, a.query());
        assertTrue(a.results().size() <= 5);
    }

    @Test
    void hugeAndEmptyInput() {
        String huge = "保证金不退 AND (deposit* OR \"x\") ".repeat(4000).substring(0, 100_000);
        // a clear outcome, not a speed: how long a huge paste takes is measured in KnowledgeBench
        DigestAnswer a = digest.ask(huge, "zh", 20);
        assertEquals(huge, a.query());
        assertTrue(a.results().size() <= 20);
        assertTrue(a.answered() ? a.answer().isPresent() && a.decline() == DigestAnswer.Decline.NONE
                : a.decline() != DigestAnswer.Decline.NONE, "answered " + a.answered() + ", decline " + a.decline());
        assertEquals("deposit-refund", a.results().isEmpty() ? "" : a.results().get(0).id(),
                "the paste is about a deposit not refunded");
        assertTrue(digest.ask("质保期过了保证金还不退", "zh", 5).answered(), "the digest still answers after it");
        assertFalse(digest.ask("", "zh", 5).answered());
        assertFalse(digest.ask(null, "en", 5).answered());
        assertEquals(1, digest.ask("保证金", "zh", -3).results().size(), "limit clamped to at least 1");
    }
}
