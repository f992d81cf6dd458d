package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sample-question share is taken from the one sample question that holds most of the question. */
class FieldMatchTest {

    private static final IndexSnapshot SNAP = IndexBuilder.build(List.of(), SynonymRules.parse(""), 1);

    private static Entry entry(List<String> questionsEn) {
        return new Entry("x", Path.of("x.md"), "标题", "Title", List.of("问题"), questionsEn, List.of(),
                LocalDate.of(2020, 1, 1), null, "dept", List.of(), "答复", "", "Answer", "");
    }

    private static double questions(String question, Entry e) {
        QueryPlan plan = QueryPlan.of(question, SNAP);
        double[] flat = new double[plan.concepts.size()];
        java.util.Arrays.fill(flat, 1);
        return FieldMatch.shares(plan, flat, e)[1];
    }

    @Test
    void wordsSpreadOverSeveralSampleQuestionsCountOnlyAsFarAsOneOfThemGoes() {
        Entry spread = entry(List.of("supplier invoice overdue", "warehouse lease renewal"));
        assertEquals(0.5, questions("overdue lease", spread), 1e-9);
    }

    @Test
    void aSampleQuestionHoldingTheWholeQuestionGivesAll() {
        Entry one = entry(List.of("supplier invoice overdue", "lease overdue what now"));
        assertEquals(1.0, questions("overdue lease", one), 1e-9);
    }

    @Test
    void noQuestionWordsNoShare() {
        assertEquals(0.0, questions("overdue lease", entry(List.of("bakery permit"))), 1e-9);
    }
}
