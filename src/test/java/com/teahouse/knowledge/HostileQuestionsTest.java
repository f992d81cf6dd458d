package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Query syntax and markup in a question are text on the shipped digest: they are never parsed, so the question's
 * own words still find its entry. How sure the bot is of a message that is half markup is the answer model's call
 * (the chat script ask-en.yaml checks what the user sees).
 */
class HostileQuestionsTest extends OnTheRealDigest {

    @Test
    void querySyntaxAndMarkupDoNotMoveTheEntry() {
        String plain = "What are the tax incentives for small businesses?";
        String hostile = plain + " title:(x AND \"y\"~2) <script>alert(1)</script>";
        String entry = digest.ask(plain, "en", 5).results().get(0).id();
        assertEquals("sme-tax-relief", entry);
        DigestAnswer a = digest.ask(hostile, "en", 5);
        assertEquals(entry, a.results().get(0).id(), a.toString());
        assertEquals(hostile, a.query());
        assertFalse(a.answered() && !a.answer().orElseThrow().id().equals(entry), a.toString());
    }
}
