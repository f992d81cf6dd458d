package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code follow-up} section of knowledge/entities.yaml: words that ask what to do next («怎么办», "what if"), ask
 * an aspect of what was said («多久», "how much"), only lean on it («换成…», "instead"), or open a new question
 * («对了», "by the way"). Chinese words match anywhere, Latin ones as whole words; longer words are matched first,
 * so «超过期限» goes before «期限».
 */
final class FollowUpWords {

    private final List<String> next;
    private final List<String> aspect;
    private final List<String> lean;
    private final List<String> newTopic;

    private FollowUpWords(List<String> next, List<String> aspect, List<String> lean, List<String> newTopic) {
        this.next = next;
        this.aspect = aspect;
        this.lean = lean;
        this.newTopic = newTopic;
    }

    static FollowUpWords of(Map<String, List<String>> lists) {
        return new FollowUpWords(longestFirst(lists.get("next")), longestFirst(lists.get("aspect")),
                longestFirst(lists.get("lean")), longestFirst(lists.get("new-topic")));
    }

    /** Whether a text asks what to do next (a {@code follow-up.next} word occurs). */
    boolean asksNext(String text) {
        return anyIn(next, text);
    }

    /** Whether a text asks an aspect of what was said (a {@code follow-up.aspect} word occurs). */
    boolean asksAspect(String text) {
        return anyIn(aspect, text);
    }

    /** Whether a text opens a new question («对了», "by the way"): its context is not used. */
    boolean opensNewTopic(String text) {
        return anyIn(newTopic, text);
    }

    /** {@code text} without its leaning words: what is left is what it asks of its own. */
    String withoutLeaning(String text) {
        return without(text, List.of(lean));
    }

    /** {@code text} without its what-next, aspect and leaning words: what is left is what it asks of its own. */
    String withoutAll(String text) {
        return without(text, List.of(next, aspect, lean));
    }

    private static boolean anyIn(List<String> words, String text) {
        String q = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> contains(q, w));
    }

    private static String without(String text, List<List<String>> lists) {
        String out = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (List<String> list : lists) {
            for (String w : list) {
                out = removeWord(out, w);
            }
        }
        return out;
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> out = new ArrayList<>(words == null ? List.of() : words);
        out.sort((a, b) -> b.length() - a.length());
        return List.copyOf(out);
    }

    private static boolean contains(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (wordStart(text, at, word) && wordEnd(text, at + word.length(), word)) {
                return true;
            }
        }
        return false;
    }

    private static String removeWord(String text, String word) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (at >= from && wordStart(text, at, word) && wordEnd(text, at + word.length(), word)) {
                out.append(text, from, at).append(' ');
                from = at + word.length();
            }
        }
        return out.append(text.substring(from)).toString();
    }

    /** CJK words match as substrings; Latin ones at a word start (so "agency" does not match "pagency"). */
    static boolean wordStart(String text, int at, String word) {
        return word.charAt(0) >= 0x2E80 || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    }

    private static boolean wordEnd(String text, int end, String word) {
        return word.charAt(word.length() - 1) >= 0x2E80 || end >= text.length()
                || !Character.isLetterOrDigit(text.charAt(end));
    }
}
