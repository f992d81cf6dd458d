package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How an English question becomes concepts: the words typed, each with the synonyms that may stand in for it. */
class QueryPlanConceptsTest {

    private static IndexSnapshot snap(String synonyms) {
        return IndexBuilder.build(List.of(), SynonymRules.parse(synonyms), 1);
    }

    @Test
    void everyAlternativeOfAMultiWordSynonymIsAFormOfTheWordItStartsAt() {
        // the graph emits knockoff and counterfeit before the typed "fake": they still belong to its concept,
        // or an entry that says "counterfeit" is judged not to cover "fake products" at all
        QueryPlan plan = QueryPlan.of("fake products on taobao", snap("counterfeit,fake products,knockoff"));
        QueryPlan.Concept fake = plan.concepts.get(0);
        assertEquals("fake", fake.word());
        assertTrue(fake.forms().containsAll(List.of("fake", "counterfeit", "knockoff")), fake.forms().toString());
        assertEquals(List.of("fake", "product", "taobao"), plan.concepts.stream().map(QueryPlan.Concept::word).toList());
    }

    @Test
    void aPhraseThatStartsOnAStopWordStillLendsItsAlternativesToItsWords() {
        // "not" is a stop word, so no concept starts where the graph put dereliction and neglect; "job" is the
        // concept they stand beside, or an entry on neglect of duty covers nothing of "not doing his job"
        QueryPlan plan = QueryPlan.of("official not doing his job",
                snap("dereliction,neglect of duty,not doing his job"));
        QueryPlan.Concept job = plan.concepts.stream().filter(c -> c.word().equals("job")).findFirst().orElseThrow();
        assertTrue(job.forms().containsAll(List.of("job", "derelict", "neglect")), job.forms().toString());
        QueryPlan.Concept official = plan.concepts.get(0);
        assertEquals(List.of("offici"), List.copyOf(official.forms()), "a word outside the phrase gets none of it");
    }
}
