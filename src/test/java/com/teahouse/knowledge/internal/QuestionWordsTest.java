package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** English filler as the analyzer emits it: the words must match the stems, or they count as topic. */
class QuestionWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"guys", "won't", "hasn't", "didn't", "won\u2019t", "wont", "hasnt", "we're", "i'm",
            "basically", "honestly", "literally"})
    void chatWordsAndContractionsAreFiller(String typed) {
        assertTrue(QuestionWords.isFiller(TokenLists.stem(typed), true), typed + " -> " + TokenLists.stem(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hospital", "payment", "invoice", "bureau", "permit", "loan", "platform"})
    void topicWordsAreNot(String typed) {
        assertFalse(QuestionWords.isFiller(TokenLists.stem(typed), true), typed);
    }
}
