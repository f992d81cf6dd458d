package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of a message, and which of them ask ("这罚的是不是太重了", "what's the deadline for them to answer?")
 * rather than tell the story around the question. A long message tells its story first and asks last, so cutting
 * it to a bounded length must not cut the ask off: {@link #keepingTheAsk} keeps the story's start and every ask
 * the cut would lose.
 */
final class AskClauses {

    /** A clause ends at a sentence's end, a semicolon, a line break or a Chinese comma; ". " ends an English one. */
    private static final Pattern END = Pattern.compile("[。！？!?；;\\n\\r…，]+|\\.(?=\\s|$)");
    /** Words that make a Chinese clause a question. */
    private static final Pattern ZH_ASK = Pattern.compile(
            "吗|呢|怎么|怎样|咋|如何|能不能|能否|可不可以|可否|行不行|是否|有没有|有无|是不是|算不算|合不合|对不对|多少|多久|几天|哪|什么|谁|为何|为啥");
    /** An English clause that opens like a question (after "and", "so", "but", "ok", "also", "honestly" …). */
    private static final Pattern EN_ASK = Pattern.compile(
            "^(?:(?:and|so|but|ok|okay|also|honestly|then|now|plus)\\W+)*(?:what|what's|whats|how|can|could|should|shall|is|"
                    + "isn't|are|aren't|do|does|doesn't|did|didn't|who|whom|whose|where|when|why|which|will|won't|would|"
                    + "may|might|must|am|any|anything|anyone)\\b"
                    + "|\\b(?:is there|are there|is it|is this|what can|who can|where can|how do|how can|how long|any rule|any law)\\b");

    /** {@code [start, end)} of the message; {@code ask} when it asks. */
    record Clause(int start, int end, boolean ask) {
    }

    private AskClauses() {
    }

    /** The clauses of {@code text}, in order, blank ones left out; together they cover every other character. */
    static List<Clause> of(String text) {
        List<Clause> out = new ArrayList<>();
        Matcher m = END.matcher(text);
        int start = 0;
        while (start < text.length()) {
            int end = m.find(start) ? m.end() : text.length();
            String clause = text.substring(start, end);
            if (!clause.isBlank()) {
                out.add(new Clause(start, end, asks(clause)));
            }
            start = end;
        }
        return out;
    }

    /** Whether {@code clause} asks: a question mark, a Chinese question word, or an English question's opening. */
    static boolean asks(String clause) {
        String c = clause.strip().toLowerCase(Locale.ROOT);
        return c.contains("?") || c.contains("？") || ZH_ASK.matcher(c).find() || EN_ASK.matcher(c).find();
    }

    /**
     * {@code text} cut to at most {@code max} characters. Where the cut would lose clauses that ask, they are kept (up
     * to half of {@code max}, the first of them first) after as much of the start as still fits: the start says who
     * asks and about what, the ask what they want to know. Only the last {@code max} characters are searched for
     * the ask (a long message asks at its end), so a pasted book costs no more than a long message.
     */
    static String keepingTheAsk(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int from = Math.max(max / 2, text.length() - max);
        StringBuilder asks = new StringBuilder();
        int firstKept = max;
        for (Clause c : of(text.substring(from))) {
            int start = from + c.start();
            int end = from + c.end();
            if (c.ask() && end > max) {
                String clause = text.substring(start, end).strip();
                if (asks.length() + clause.length() + 1 > max / 2) {
                    break;
                }
                firstKept = Math.min(firstKept, start);
                asks.append(' ').append(clause);
            }
        }
        if (asks.isEmpty()) {
            return text.substring(0, max);
        }
        return text.substring(0, Math.min(firstKept, max - asks.length())) + asks;
    }
}
