package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** American and British spellings of one word analyse to one term: the digest is written British, people type both. */
class BritishSpellingFilterTest {

    private static List<String> terms(String text) {
        return TokenLists.terms(DigestAnalyzers.en(null), Fields.EN_Q, text);
    }

    @Test
    void americanSpellingsMeetTheDigestsBritishOnes() {
        assertEquals(terms("business licence"), terms("business license"));
        assertEquals(terms("licensing centre"), terms("licensing center"));
        assertEquals(terms("labour disputes"), terms("labor disputes"));
        assertEquals(terms("fee catalogue"), terms("fee catalog"));
        assertEquals(terms("penalised, organised"), terms("penalized, organized"));
    }

    @Test
    void shortWordsEndingInIzeStayAsTheyAre() {
        assertEquals(List.of("size", "seiz", "prize"), terms("size seize prize"));
    }

    @Test
    void aQuestionWithTheAmericanSpellingFindsTheBritishEntry() {
        // Porter alone keeps licens (license) and licenc (licence) apart: the question matched only through a synonym
        IndexSnapshot snap = IndexBuilder.build(List.of(), SynonymRules.parse(""), 1);
        QueryPlan plan = QueryPlan.of("how long does a business license take", snap);
        assertEquals(true, plan.query.toString().contains("en_q:licenc"), plan.query.toString());
    }
}
