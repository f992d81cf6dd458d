package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A draft laid over the real digest answers in a temporary index; the serving digest never sees it. */
class DigestDraftOverlayTest extends OnTheRealDigest {

    static final String QUESTION = "开一家奶茶店需要办哪些证照";
    static final String DRAFT = """
            ---
            id: milk-tea-shop-licences
            title:
              zh: "开奶茶店需要办理的证照"
              en: "Licences for opening a milk tea shop"
            questions:
              zh:
                - "开一家奶茶店需要办哪些证照"
                - "奶茶店要办什么证"
              en:
                - "what licences does a milk tea shop need"
            sources:
              - document: 优化营商环境条例
                articles: [19]
            effective: 2020-01-01
            department: 市市场监管局
            tags: [奶茶店, 证照]
            ---
            ## zh
            开奶茶店先办营业执照，再办食品经营许可证；可在政务服务网“一网通办”一次提交。

            ## zh-detail
            《优化营商环境条例》第十九条要求推行“一网通办”，营业执照和食品经营许可可一次申请、并联办理。

            ## en
            Get a business licence first, then a food business permit; both can be applied for online at once.

            ## en-detail
            Article 19 of the national regulation asks for one-stop online services, so both can be applied for together.
            """;


    @Test
    void aDraftEntryAnswersItsQuestionOnlyInTheOverlay() {
        DraftDigest d = digest.withDraft("milk-tea-shop-licences", DRAFT);
        assertTrue(d.view().isPresent(), d.problems().toString());
        DigestAnswer a = d.view().get().ask(QUESTION, "zh", 3);
        assertTrue(a.answered(), a.toString());
        assertEquals("milk-tea-shop-licences", a.answer().orElseThrow().id());
        assertEquals(digest.size() + 1, d.view().get().size());
        assertFalse(digest.ask(QUESTION, "zh", 3).answer().map(h -> h.id().equals("milk-tea-shop-licences"))
                .orElse(false), "the serving digest is untouched");
    }

    @Test
    void aBrokenDraftHasItsProblemsAtTheirLinesAndNoView() {
        DraftDigest d = digest.withDraft("milk-tea-shop-licences", DRAFT.replace("articles: [19]", "articles: [999]"));
        assertTrue(d.view().isEmpty());
        assertTrue(d.problems().stream().anyMatch(p -> p.error() && p.message().contains("999")), d.problems().toString());
        DraftDigest renamed = digest.withDraft("other-id", DRAFT);
        assertTrue(renamed.view().isEmpty(), "the id in the file must be the entry's");
    }

    @Test
    void twoPhrasingsShareMostOfTheirAnalysedWords() {
        Set<String> a = digest.terms("开一家奶茶店需要办哪些证照？");
        Set<String> b = digest.terms("请问奶茶店开业要办什么证照呢");
        assertTrue(a.contains("奶茶") || a.contains("奶茶店"), a.toString());
        assertTrue(a.stream().anyMatch(b::contains), a + " / " + b);
        assertFalse(a.contains("请问") || b.contains("请问"), "question words are dropped");
    }
}
