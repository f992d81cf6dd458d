package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;


/** The party rule (knowledge/entities.yaml) and follow-up context, on the real digest. */
class PartyAndFollowUpTest extends OnTheRealDigest {


    /** Asks {@code question} as a follow-up of {@code context}: it must be answered, not only ranked, with {@code entryId}. */
    private static void assertAnswers(String entryId, String question, String lang, String context) {
        DigestAnswer a = digest.ask(question, lang, 5, context);
        assertEquals(entryId, a.answer().map(DigestHit::id).orElse("-"), a.toString());
    }

    private static String top(DigestAnswer a) {
        return a.results().isEmpty() ? "-" : a.results().get(0).id();
    }

    @Test
    void aPublicBodyOwingMoneyIsAnsweredWithThePublicBodyRule() {
        DigestAnswer a = digest.ask("政府部门拖欠我们货款好几个月了，有没有规定必须多久付款？", "zh", 5);
        assertTrue(a.answered(), a.toString());
        assertEquals("pay-gov-30-days", top(a));
    }

    @Test
    void arbitraryFeesAreAnsweredInsteadOfATie() {
        DigestAnswer a = digest.ask("企业被乱收费怎么办", "zh", 5);
        assertTrue(a.answered(), a.toString());
        assertEquals("fee-catalog-list", top(a));
    }

    @Test
    void theNamedPartyRanksItsEntryAboveTheOtherPartys() {
        for (String q : List.of("卫生院欠我们耗材钱 多久之内必须结清", "the city hospital owes us for supplies since spring",
                "街道办拖欠工程款", "government agency late paying my invoice")) {
            List<String> ids = digest.ask(q, PolicyDigest.detectLanguage(q), 10).results().stream().map(DigestHit::id).toList();
            assertTrue(ids.contains("pay-gov-30-days"), q + " " + ids);
            assertTrue(!ids.contains("payment-term-60-days")
                    || ids.indexOf("pay-gov-30-days") < ids.indexOf("payment-term-60-days"), q + " " + ids);
        }
        for (String q : List.of("集团公司采购结账最晚能拖多少天", "big buyer set 120 day payment terms, allowed?")) {
            List<String> ids = digest.ask(q, PolicyDigest.detectLanguage(q), 10).results().stream().map(DigestHit::id).toList();
            assertEquals("payment-term-60-days", ids.get(0), q + " " + ids);
        }
    }

    @Test
    void plainEnglishNamesOfAPartyAreRecognised() {
        for (String q : List.of("gov office still hasnt paid our invoice", "the education bureau owes us since june",
                "street office owes us for the repairs")) {
            DigestExplanation x = digest.explain(q, "en", 5);
            assertEquals(List.of("public-body"), x.parties(), q);
            assertEquals("pay-gov-30-days", x.results().get(0).id(), q + " " + x.results());
        }
        for (String q : List.of("state owned client pays us after 150 days", "a listed company owes us for half a year")) {
            DigestExplanation x = digest.explain(q, "en", 5);
            assertEquals(List.of("large-company"), x.parties(), q);
            assertEquals("payment-term-60-days", x.results().get(0).id(), q + " " + x.results());
        }
    }

    @Test
    void explainShowsThePartyRule() {
        DigestExplanation x = digest.explain("政府部门拖欠我们货款好几个月了，有没有规定必须多久付款？", "zh", 5);
        assertEquals(List.of("public-body"), x.parties());
        DigestExplanation.Result first = x.results().get(0);
        assertEquals("answer", first.decision());
        assertEquals(1.0, first.features().get("entity"));
        assertTrue(x.results().stream().anyMatch(r -> r.id().equals("payment-term-60-days")
                && r.features().get("entity") == -1.0 && r.note().contains("public-body")), x.toString());
    }

    @Test
    void aFollowUpNamingTheOtherPartySwitchesToItsEntry() {
        DigestAnswer a = digest.ask("and for a big company?", "en", 5, "pay-gov-30-days");
        assertEquals("payment-term-60-days", top(a));
        assertTrue(a.answered() || a.offered().stream().anyMatch(h -> h.id().equals("payment-term-60-days")), a.toString());
        DigestAnswer zh = digest.ask("那事业单位呢？", "zh", 5, "payment-term-60-days");
        assertEquals("pay-gov-30-days", top(zh));
    }

    @Test
    void aFollowUpNamingAnotherSubjectIsAnsweredWithTheTopicsEntryForIt() {
        // knowledge/entities.yaml topics: the payment term per party, the two hotlines' confidentiality
        assertAnswers("gt-arrears", "那个体户呢？", "zh", "pay-gov-30-days");
        assertAnswers("pay-gov-30-days", "and if it were a city bureau?", "en", "payment-term-60-days");
        assertAnswers("payment-term-60-days", "换成大型民营企业呢", "zh", "payment-complaint-channel");
        assertAnswers("hotline-confidentiality", "那你们这个热线呢", "zh", "wf-12345-confidentiality");
    }

    @Test
    void aFollowUpNamingASubjectAndAskingSomethingElseIsNotAnsweredWithTheSubjectsEntry() {
        // the subject changes, but the question is about the interest or the complaint, not the payment term
        assertEquals("pay-late-interest", top(digest.ask("那政府拖欠的工程款能要利息吗", "zh", 5, "payment-term-60-days")));
        assertEquals("pay-late-interest", top(digest.ask("can I charge a big company late interest?", "en", 5,
                "pay-gov-30-days")));
        assertEquals("payment-complaint-channel", top(digest.ask("政府欠款可以投诉吗", "zh", 5, "payment-term-60-days")));
    }

    @Test
    void aFollowUpAskingWhatNextIsAnsweredWithItsTopicsNextStep() {
        DigestAnswer a = digest.ask("超过期限了怎么办", "zh", 5, "payment-term-60-days");
        assertTrue(List.of("pay-late-interest", "payment-complaint-channel", "arrears-damages")
                .contains(a.answer().map(DigestHit::id).orElse("-")), a.toString());
        DigestAnswer en = digest.ask("what if they still don't pay?", "en", 5, "pay-gov-30-days");
        assertTrue(List.of("pay-late-interest", "payment-complaint-channel", "arrears-damages")
                .contains(en.answer().map(DigestHit::id).orElse("-")), en.toString());
    }

    @Test
    void aWhatNextQuestionAboutSomethingElseIsNotAnsweredWithTheTopicsNextStep() {
        // «检查», «查封» hold no aspect word: they are what is asked about, not how
        for (String q : List.of("被检查了怎么办", "被查封了怎么办")) {
            DigestAnswer a = digest.ask(q, "zh", 5, "pay-gov-30-days");
            assertFalse(List.of("pay-late-interest", "payment-complaint-channel", "arrears-damages").contains(top(a)),
                    a.toString());
        }
    }

    @Test
    void aFollowUpAskingAnAspectOfWhatWasSaidIsReadWithIt() {
        assertAnswers("wf-12345-termination", "他们能这样吗", "zh", "wf-12345-termination");
        assertAnswers("gt-registration", "要交钱吗", "zh", "gt-registration");
    }

    @Test
    void aFollowUpSureOnItsOwnAboutTheSameDocumentIsAnswered() {
        // the question alone is answered with a neighbour of the last answer: no reason to ask back
        assertAnswers("arrears-damages", "还能要求赔偿损失吗", "zh", "pay-late-interest");
    }

    @Test
    void aFollowUpNamingNoSubjectKeepsTheContextsSubject() {
        // progress: 12345's entry after a 12345 answer, this hotline's after this hotline's (entities.yaml documents)
        DigestAnswer wf = digest.ask("在哪里看办到哪一步了", "zh", 5, "wf-12345-5-working-days");
        assertEquals("wf-12345-progress", top(wf), wf.toString());
        DigestAnswer ours = digest.ask("在哪里看办到哪一步了", "zh", 5, "hotline-reply-deadline");
        assertEquals("hotline-tracking-number", top(ours), ours.toString());
    }

    @Test
    void aQuestionOpeningANewTopicIgnoresTheContext() {
        assertEquals(digest.ask("对了，研发费用能加计扣除吗", "zh", 5),
                digest.ask("对了，研发费用能加计扣除吗", "zh", 5, "pay-gov-30-days"));
        assertAnswers("gt-arrears", "对了，个体户呢？", "zh", "pay-gov-30-days");
    }

    @Test
    void aShortFollowUpIsAnsweredFromItsContextsNeighbourhood() {
        // after "a 12345 case bounced between departments", the next step of the same law is what is asked
        assertAnswers("wf-12345-unresolved", "一直推来推去解决不了怎么办", "zh", "wf-12345-return-dispatch");
    }

    @Test
    void aFollowUpOnAnotherTopicIsNotHijackedByTheContext() {
        DigestAnswer alone = digest.ask("个体户怎么注册", "zh", 5);
        DigestAnswer withContext = digest.ask("个体户怎么注册", "zh", 5, "payment-term-60-days");
        assertEquals(top(alone), top(withContext));
        assertNotEquals("payment-term-60-days", top(withContext));
        assertFalse(withContext.results().stream().limit(1).anyMatch(h -> h.id().startsWith("pay")), withContext.toString());
    }

    @Test
    void aRequestForAPersonWinsOverTheContext() {
        DigestAnswer a = digest.ask("转人工", "zh", 5, "pay-gov-30-days");
        assertEquals(DigestAnswer.Decline.ASKS_FOR_PERSON, a.decline());
        assertTrue(a.offered().isEmpty());
        DigestAnswer b = digest.ask("I want to talk to a real person about unpaid invoices", "en", 5, "pay-gov-30-days");
        assertEquals(DigestAnswer.Decline.ASKS_FOR_PERSON, b.decline());
    }

    @Test
    void aFollowUpToAQuestionNothingAnsweredIsReadWithThatQuestion() {
        String earlier = "a huge retail chain owes us for three months of deliveries";
        String next = "and if it were the district government instead?";
        assertFalse(digest.ask(earlier, "en", 5).answered());
        assertNotEquals("pay-gov-30-days", top(digest.ask(next, "en", 5)));
        // the new subject replaces the retail chain: the public body's payment term
        assertEquals("pay-gov-30-days", top(digest.ask(next, "en", 5, PreviousTurn.unanswered(earlier))));
        // a new question is not read with the earlier one
        String other = "by the way, how long does it take to register a company?";
        assertEquals(digest.ask(other, "en", 5), digest.ask(other, "en", 5, PreviousTurn.unanswered(earlier)));
    }

    @Test
    void anUnknownContextIsNoContext() {
        assertEquals(digest.ask("保证金不退", "zh", 5), digest.ask("保证金不退", "zh", 5, "no-such-entry"));
        assertEquals(digest.ask("保证金不退", "zh", 5), digest.ask("保证金不退", "zh", 5, (String) null));
    }

    @Test
    void offersAreOnlyMadeWhenNotAnswered() {
        DigestAnswer a = digest.ask("被乱收费了", "zh", 5);
        assertTrue(a.answered() ? a.offered().isEmpty() : a.offered().size() <= 3);
        DigestAnswer oos = digest.ask("足球比赛几点开始", "zh", 5);
        assertFalse(oos.answered());
    }
}
