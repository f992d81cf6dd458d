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
}
