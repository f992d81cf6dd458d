package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;


/**
 * The digest holds two hotlines' rules that say nearly the same (time limits, confidentiality): a question
 * that names 12345 gets 12345's rule first, and this hotline's twin ranks below it (Reranker).
 */
class HotlineNearDuplicatesTest extends OnTheRealDigest {


    private static List<String> ids(String question) {
        return digest.ask(question, "zh", 5).results().stream().map(DigestHit::id).toList();
    }

    @Test
    void aQuestionNamingTwelve345GetsItsTimeLimitFirst() {
        List<String> ids = ids("向12345反映的事情多久给答复");
        assertEquals("wf-12345-5-working-days", ids.get(0), ids.toString());
        assertTrue(!ids.contains("hotline-reply-deadline")
                || ids.indexOf("hotline-reply-deadline") > ids.indexOf("wf-12345-5-working-days"), ids.toString());
    }

    @Test
    void aQuestionNamingTwelve345GetsItsConfidentialityRuleFirst() {
        List<String> ids = ids("打12345举报会泄露我的信息吗");
        assertEquals("wf-12345-confidentiality", ids.get(0), ids.toString());
    }
}
