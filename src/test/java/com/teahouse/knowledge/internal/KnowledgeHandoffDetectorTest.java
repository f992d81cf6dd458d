package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnowledgeHandoffDetectorTest {

    @Test
    void requestsForAPersonAreRecognised() {
        for (String q : new String[] {"转人工", "我要找接线员", "帮我转接线员", "接线员", "I want to talk to a human",
            "connect me to an operator"}) {
            assertTrue(HandoffDetector.asksForPerson(q), q);
        }
    }

    @Test
    void mentioningAnOperatorIsNotAskingForOne() {
        for (String q : new String[] {"12345夜里还有接线员值班吗", "热线接线员态度不好怎么投诉", "how long until my case is answered"}) {
            assertFalse(HandoffDetector.asksForPerson(q), q);
        }
    }
}
