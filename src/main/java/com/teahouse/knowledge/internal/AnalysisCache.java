package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysed tokens of each indexed field text, kept from one build to the next. A reload after
 * an edit re-analyses only the texts that changed: everything else is replayed from memory, which
 * skips smartcn's HMM segmentation (most of the build time). Only the texts of the latest build are
 * kept, so deleted or edited entries do not pile up. Index-time chains have no synonyms, so a
 * synonyms edit does not invalidate anything. Thread-safe: builds analyse entries in parallel.
 */
public final class AnalysisCache {

    /** One field text's tokens: terms with position increments and offsets. */
    record Tokens(String[] terms, int[] posIncs, int[] starts, int[] ends) {
    }

    private volatile Map<String, Tokens> previous = Map.of();
    private volatile Map<String, Tokens> current = new ConcurrentHashMap<>();

    /** Starts a build: the last build's tokens become the ones to reuse. */
    synchronized void beginBuild() {
        previous = current.isEmpty() ? previous : current;
        current = new ConcurrentHashMap<>();
    }

    /** The tokens of {@code text} in {@code field}, analysed now or reused; replayable any number of times. */
    TokenStream stream(Analyzer analyzer, String field, String text) {
        String key = field + '\u0000' + text;
        Tokens t = current.get(key);
        if (t == null) {
            t = previous.get(key);
            if (t == null) {
                t = capture(analyzer, field, text);
            }
            current.put(key, t);
        }
        return new Replay(t);
    }

    int size() {
        return current.size();
    }

    private static Tokens capture(Analyzer analyzer, String field, String text) {
        int n = 0;
        String[] terms = new String[16];
        int[] incs = new int[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == terms.length) {
                    terms = Arrays.copyOf(terms, n * 2);
                    incs = Arrays.copyOf(incs, n * 2);
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                terms[n] = term.toString();
                incs[n] = inc.getPositionIncrement();
                starts[n] = offset.startOffset();
                ends[n] = offset.endOffset();
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(Arrays.copyOf(terms, n), Arrays.copyOf(incs, n), Arrays.copyOf(starts, n),
                Arrays.copyOf(ends, n));
    }

    /** Plays captured tokens back to the IndexWriter. */
    private static final class Replay extends TokenStream {
        private final Tokens tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int i;

        Replay(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (i >= tokens.terms().length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms()[i]);
            inc.setPositionIncrement(tokens.posIncs()[i]);
            offset.setOffset(tokens.starts()[i], tokens.ends()[i]);
            i++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            i = 0;
        }
    }
}
