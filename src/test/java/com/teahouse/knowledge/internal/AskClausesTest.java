package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which clauses of a message ask, and a long paste cut to its bound without losing its question. */
class AskClausesTest {

    private static final String STORY = "We run a small garment workshop with twelve sewing machines in the old textile "
            + "quarter. Last spring the district moved every workshop on our street to a new park on the edge of town, "
            + "and we paid for the move ourselves. The landlord there keeps adding charges for water, security and "
            + "parking that were never in the lease, and the park office says it is not their business. ";

    @Test
    void questionsAreTheClausesThatAsk() {
        List<AskClauses.Clause> clauses = AskClauses.of("开了个小饭馆三年了，上个月被罚了三千块。这罚的是不是太重了");
        assertEquals(List.of(false, false, true), clauses.stream().map(AskClauses.Clause::ask).toList());
        assertTrue(AskClauses.asks("honestly what's the deadline for them to answer"));
        assertTrue(AskClauses.asks("Is there any rule against this?"));
        assertTrue(AskClauses.asks("不交会怎样"));
        assertFalse(AskClauses.asks("We have orders but not the cash to buy raw materials."));
        assertFalse(AskClauses.asks("我们工人工资都快发不出来了"));
    }

    @Test
    void aLongPasteKeepsItsQuestionWhenCut() {
        String question = "Can the park charge fees that are not in the lease?";
        String text = STORY + question;
        assertTrue(text.length() > QueryPlan.MAX_CHARS, "the paste is longer than the bound");

        String kept = AskClauses.keepingTheAsk(text, QueryPlan.MAX_CHARS);

        assertTrue(kept.length() <= QueryPlan.MAX_CHARS, kept);
        assertTrue(kept.endsWith(question), kept);
        assertTrue(kept.startsWith("We run a small garment workshop"), kept);
    }

    @Test
    void theQueryOfALongPasteHasTheWordsOfItsQuestion() {
        IndexSnapshot snap = IndexBuilder.build(List.of(), SynonymRules.parse(""), 1);
        assertTrue(STORY.length() > QueryPlan.MAX_CHARS && !STORY.contains("complain"));
        QueryPlan plan = QueryPlan.of(STORY + "Who should I complain to about these charges?", snap);
        assertTrue(plan.concepts.stream().anyMatch(c -> c.word().equals("complain")),
                plan.concepts.stream().map(QueryPlan.Concept::word).toList().toString());
        assertTrue(plan.text.length() <= QueryPlan.MAX_CHARS);
    }

    @Test
    void aPastedBookKeepsTheQuestionAtItsEnd() {
        String question = "Who should I complain to about these charges?";
        String kept = AskClauses.keepingTheAsk(STORY.repeat(300) + question, QueryPlan.MAX_CHARS);
        assertTrue(kept.endsWith(question) && kept.length() <= QueryPlan.MAX_CHARS, kept);
    }

    @Test
    void aPasteWithoutAQuestionIsCutAtTheBound() {
        String text = STORY + STORY;
        assertEquals(text.substring(0, 120), AskClauses.keepingTheAsk(text, 120));
        assertEquals("short", AskClauses.keepingTheAsk("short", 120));
    }
}
