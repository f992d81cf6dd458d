package com.teahouse.knowledge;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders an answer as chat text: the short answer, the citation (always 《title》第N条, also in
 * English, where 《优化营商环境条例》第43条 stays searchable by the user), and the effective date.
 * Buttons (related entries, "did this help?", staff) are the dialog's job, not part of the text.
 */
public final class ChatAnswerFormatter {

    private ChatAnswerFormatter() {
    }

    /** Text for an answered question, or the "not sure" line with the offer of a person. */
    public static String format(DigestAnswer answer) {
        boolean en = "en".equals(answer.lang());
        return answer.answer().map(hit -> format(hit, en)).orElseGet(() -> notSure(answer, en));
    }

    public static String format(DigestHit hit, boolean english) {
        StringBuilder text = new StringBuilder(hit.answer().strip()).append("\n\n");
        text.append(english ? "Source: " : "依据：").append(citations(hit));
        if (hit.effective() != null) {
            text.append('\n').append(english ? "In force since " + hit.effective() : "施行日期：" + hit.effective());
        }
        return text.toString();
    }

    /** 《A》第3条、第5条；《B》第7条 — consecutive articles of one document are grouped. */
    public static String citations(DigestHit hit) {
        Set<String> docs = new LinkedHashSet<>();
        hit.citations().forEach(c -> docs.add(c.document()));
        return docs.stream().map(doc -> "《" + doc + "》" + hit.citations().stream()
                        .filter(c -> c.document().equals(doc)).map(c -> "第" + c.article() + "条")
                        .collect(Collectors.joining("、")))
                .collect(Collectors.joining("；"));
    }

    private static String notSure(DigestAnswer answer, boolean en) {
        if (answer.decline() == DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return en ? "Sure, I will pass you to a member of staff." : "好的，正在为您转接人工服务。";
        }
        return en ? "I am not sure I have the right answer to that. Would you like to talk to a member of staff?"
                : "这个问题我不确定能准确回答。需要为您转人工吗？";
    }
}
