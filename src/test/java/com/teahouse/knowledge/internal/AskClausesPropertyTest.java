package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The clause splitter and the cut that keeps the ask, on any text of the characters that matter to them. */
class AskClausesPropertyTest {

    @Property
    void clausesAreInOrderAndHoldEveryCharacterThatIsNotBlank(
            @ForAll @StringLength(max = 200) @Chars({'a', 'b', ' ', '.', '?', '!', '，', '。', '？', '吗', '钱', '\n', ';'}) String text) {
        List<AskClauses.Clause> clauses = AskClauses.of(text);
        int at = 0;
        for (AskClauses.Clause c : clauses) {
            assertTrue(c.start() >= at && c.end() > c.start() && c.end() <= text.length(), clauses.toString());
            assertTrue(text.substring(at, c.start()).isBlank(), "only blanks between clauses");
            at = c.end();
        }
        assertTrue(text.substring(at).isBlank(), "only blanks after the last clause");
    }

    @Property
    void theCutIsBoundedAndLeavesShortTextAlone(
            @ForAll @StringLength(max = 400) @Chars({'a', 'w', 'h', 't', ' ', '.', '?', '，', '。', '？', '吗', '钱'}) String text,
            @ForAll @IntRange(min = 10, max = 300) int max) {
        String kept = AskClauses.keepingTheAsk(text, max);
        assertTrue(kept.length() <= max, kept);
        if (text.length() <= max) {
            assertEquals(text, kept);
        } else {
            assertTrue(kept.startsWith(text.substring(0, max / 3)), "the start of the text is kept: " + kept);
        }
    }
}
