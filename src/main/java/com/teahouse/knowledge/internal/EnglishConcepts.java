package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concepts of an English question, read off the synonym graph the query chain emits. Each word
 * the user typed (question words aside) is one concept. A synonym rule that matched a span of the
 * question gives every word of that span its alternatives: a one-word alternative ("lend" for "loan")
 * becomes another form of the word, a longer one ("credit line") a phrase whose words must all be in
 * the entry. The graph is decoded by its nodes, not by the order its tokens come out in: the synonym
 * filter emits some alternatives before the word they stand for. Numbers the digest never uses are
 * no concepts.
 */
final class EnglishConcepts {

    /** A rule has a handful of alternatives; this bounds the walk on a pathological rule. */
    private static final int MAX_PATHS = 32;

    private EnglishConcepts() {
    }

    static List<QueryPlan.Concept> of(List<TokenLists.GraphToken> tokens, int questionLength, IndexSnapshot snap) {
        Map<TokenLists.GraphToken, QueryPlan.Concept> byToken = new java.util.LinkedHashMap<>();
        for (TokenLists.GraphToken t : tokens) {
            if (!t.synonym() && t.start() < questionLength && !QuestionWords.isFiller(t.term(), true)
                    && !unknownNumber(t.term(), snap)) {
                Set<String> forms = new LinkedHashSet<>();
                forms.add(t.term());
                byToken.put(t, new QueryPlan.Concept(t.term(), forms, new ArrayList<>(), true));
            }
        }
        // one synonym match = the synonym tokens spanning the same text
        Map<Long, List<TokenLists.GraphToken>> matches = new java.util.LinkedHashMap<>();
        for (TokenLists.GraphToken t : tokens) {
            if (t.synonym()) {
                matches.computeIfAbsent(((long) t.start() << 32) | t.end(), k -> new ArrayList<>()).add(t);
            }
        }
        for (List<TokenLists.GraphToken> match : matches.values()) {
            int start = match.get(0).start();
            int end = match.get(0).end();
            List<QueryPlan.Concept> words = new ArrayList<>();
            byToken.forEach((t, c) -> {
                if (t.start() >= start && t.start() < end) {
                    words.add(c);
                }
            });
            if (words.isEmpty()) {
                continue;
            }
            for (List<String> alternative : alternatives(match)) {
                List<String> content = alternative.stream().filter(w -> !QuestionWords.isFiller(w, true)).toList();
                for (QueryPlan.Concept c : words) {
                    if (content.size() == 1) {
                        c.forms().add(content.get(0));
                    } else if (content.size() > 1) {
                        c.phrases().add(String.join(" ", content));
                    }
                }
            }
        }
        return new ArrayList<>(byToken.values());
    }

    /**
     * An amount, a date or a time the digest never mentions ("200k", "11pm", "2019") is part of the
     * user's story, not of the topic; a number the digest uses (12345, 60 days) stays a concept.
     */
    private static boolean unknownNumber(String term, IndexSnapshot snap) {
        return NUMBER.matcher(term).matches() && snap.docFreq(Fields.EN_Q, term) == 0
                && snap.docFreq(Fields.EN_B, term) == 0;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d[\\d.,]*[a-z]{0,3}");

    /** Every path of synonym tokens from the match's first node to its last: one per alternative. */
    private static List<List<String>> alternatives(List<TokenLists.GraphToken> match) {
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        Map<Integer, List<TokenLists.GraphToken>> outgoing = new HashMap<>();
        for (TokenLists.GraphToken t : match) {
            from = Math.min(from, t.from());
            to = Math.max(to, t.to());
            outgoing.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
        }
        List<List<String>> out = new ArrayList<>();
        walk(outgoing, from, to, new ArrayList<>(), out);
        return out;
    }

    private static void walk(Map<Integer, List<TokenLists.GraphToken>> outgoing, int node, int to, List<String> path,
                             List<List<String>> out) {
        if (out.size() >= MAX_PATHS) {
            return;
        }
        if (node >= to) {
            if (node == to && !path.isEmpty()) {
                out.add(List.copyOf(path));
            }
            return;
        }
        List<TokenLists.GraphToken> next = outgoing.get(node);
        if (next == null) {
            // a stop word removed after the synonym filter leaves a hole in the path: step over it
            walk(outgoing, node + 1, to, path, out);
            return;
        }
        for (TokenLists.GraphToken t : next) {
            path.add(t.term());
            walk(outgoing, t.to(), to, path, out);
            path.remove(path.size() - 1);
        }
    }
}
