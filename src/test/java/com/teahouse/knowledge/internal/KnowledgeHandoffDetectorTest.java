package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnowledgeHandoffDetectorTest {

    @Test
    void requestsForAPersonAreRecognised() {
        for (String q : new String[] {"转人工", "我要找接线员", "帮我转接线员", "接线员", "I want to talk to a human",
            "connect me to an operator", "我要跟你们负责人谈", "能不能让工作人员打电话给我", "给我个客服电话 我自己打",
            "不要机器人", "有人吗", "找个真人", "what's your supervisor's phone number", "stop the bot, real person pls",
            "I need a real person", "can someone from your office call me back"}) {
            assertTrue(HandoffDetector.asksForPerson(q), q);
        }
    }

    @Test
    void mentioningAnOperatorIsNotAskingForOne() {
        for (String q : new String[] {"12345夜里还有接线员值班吗", "热线接线员态度不好怎么投诉", "how long until my case is answered",
            "领导换了以后承诺不兑现", "12345转办到哪个部门", "our manager wants to know the payment deadline",
            "the bot industry needs no license?"}) {
            assertFalse(HandoffDetector.asksForPerson(q), q);
        }
    }
}
