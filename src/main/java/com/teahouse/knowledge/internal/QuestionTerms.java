package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysed words of a question as the digest's query chains see them (smartcn words and English stems, stop
 * words and question words removed, the serving generation's synonyms applied): two phrasings of one question
 * share most of them, whatever their word order or filler.
 */
public final class QuestionTerms {

    /** Longest text analysed; a question beyond it is no longer a question. */
    static final int MAX_CHARS = 300;

    private QuestionTerms() {
    }

    public static Set<String> of(IndexSnapshot snap, String text) {
        Set<String> out = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        collect(snap.zhQuery(), t, out);
        collect(snap.enQuery(), t, out);
        out.removeIf(w -> QuestionWords.isFiller(w, w.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c))));
        return out;
    }

    private static void collect(Analyzer analyzer, String text, Set<String> out) {
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                // the zh chain splits Latin words too, and the en chain keeps Han runs whole: take words only
                if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
