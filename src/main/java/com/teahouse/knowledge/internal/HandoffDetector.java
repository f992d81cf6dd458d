package com.teahouse.knowledge.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a request for a person. Such a request is never answered from the digest, however
 * well its words happen to match an entry (the hotline entries mention 人工 and staff too).
 */
public final class HandoffDetector {

    private static final Pattern ZH = Pattern.compile(
            "转人工|人工客服|人工服务|人工坐席|找人工|要人工|接人工|真人|(找|要|转|联系|接通)接线员|^接线员|客服人员|工作人员接|找个人|活人|人工$|^人工");
    private static final Pattern EN = Pattern.compile(
            "\\b(human|real person|live person|live agent|operator|representative|customer service)\\b"
                    + "|\\b(talk|speak|chat)\\s+(to|with)\\s+(someone|somebody|a person|an agent|staff|a staff member|a agent)"
                    + "|\\bconnect me\\b|\\btransfer me\\b");

    private HandoffDetector() {
    }

    public static boolean asksForPerson(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        return ZH.matcher(q).find() || EN.matcher(q).find();
    }
}
