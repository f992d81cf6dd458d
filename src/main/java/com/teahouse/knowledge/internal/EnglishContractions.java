package com.teahouse.knowledge.internal;

import java.io.Reader;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Spells out English contractions before tokenizing, in questions and entries alike: "hasn't",
 * "hasnt" and "has not" become the same words, so a synonym rule written for "not paid" also sees
 * "hasn't paid", and "won't lend" reads as "will not lend". Pronoun endings ("I've", "we're") and a
 * number's "'s" ("12345's") are dropped: they carry no topic, and the tokenizer would otherwise keep
 * them as words no entry has. Curly apostrophes count as straight ones.
 */
final class EnglishContractions {

    private static final Pattern CURLY = Pattern.compile("[\\u2018\\u2019\\u02bc]");
    private static final Pattern WONT = Pattern.compile("(?i)\\bwon'?t\\b");
    private static final Pattern CANT = Pattern.compile("(?i)\\bcan'?t\\b|\\bcannot\\b");
    private static final Pattern NT = Pattern.compile(
            "(?i)\\b(is|are|was|were|has|have|had|do|does|did|could|should|would|must|need|might|ai)n'?t\\b");
    private static final Pattern ENDINGS = Pattern.compile("(?i)\\b(i|you|we|they|he|she|it|that|there)'(ve|re|ll|d|m)\\b|(?<=\\d)'s\\b");

    private EnglishContractions() {
    }

    static Reader expand(Reader in) {
        Reader r = new PatternReplaceCharFilter(CURLY, "'", in);
        r = new PatternReplaceCharFilter(WONT, "will not", r);
        r = new PatternReplaceCharFilter(CANT, "can not", r);
        r = new PatternReplaceCharFilter(NT, "$1 not", r);
        return new PatternReplaceCharFilter(ENDINGS, "$1", r);
    }
}
