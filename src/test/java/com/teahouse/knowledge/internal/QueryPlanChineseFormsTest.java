package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What counts as a form of a Chinese question word when coverage looks for it in an entry. */
class QueryPlanChineseFormsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aWordOfAnotherWordsMultiWordSynonymIsNoFormOfIt() {
        // 注销营业执照 reaches the synonym graph as 注销 + 营业执照: 营业执照 is no way of saying 注销, so an entry about
        // getting a licence (it says 营业执照, never 注销) must not be "found" to speak to 注销
        DigestLoader.Loaded loaded = DigestLoader.load(Path.of("knowledge"), TODAY);
        SynonymRules rules = SynonymRules.parse("营业执照,执照\n注销,注销营业执照\n");
        IndexSnapshot snap = IndexBuilder.build(loaded.entries(), rules, 1);
        QueryPlan plan = QueryPlan.of("营业执照注销要几天", snap);

        QueryPlan.Concept cancel = plan.concepts.stream().filter(c -> c.word().equals("注销")).findFirst().orElseThrow();
        assertFalse(cancel.forms().contains("营业执照"), cancel.toString());
        assertTrue(cancel.phrases().contains("注销营业执照"), cancel.toString());
        QueryPlan.Concept licence = plan.concepts.stream().filter(c -> c.word().equals("营业执照")).findFirst().orElseThrow();
        assertTrue(licence.phrases().contains("执照"), licence.toString());

        Entry registration = snap.byId().get("company-registration-time");
        Entry deregistration = snap.byId().get("simple-deregistration");
        double[] coverage = Coverage.of(plan, Coverage.weights(plan, snap),
                java.util.List.of(registration, deregistration),
                new int[] {snap.docOf(registration.id()), snap.docOf(deregistration.id())}, snap);
        assertTrue(coverage[0] < 1, "the licence entry says nothing of 注销: " + coverage[0]);
        assertEquals(1, coverage[1] > 0 ? 1 : 0, "the deregistration entry speaks to 注销");
    }
}
