package com.teahouse.knowledge.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains. Index and query chains are identical except that query chains add the
 * synonym graph: expanding at query time keeps a synonyms edit cheap and the index small.
 * Stop words are removed after stemming (with a stemmed stop set) so synonym phrases such as
 * "talk to a human" still see every word. English is spelt the British way before stemming
 * ({@link BritishSpellingFilter}), in both chains and in the synonym rules.
 */
final class DigestAnalyzers {

    private static final CharArraySet EN_STOP = stemmed(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    private DigestAnalyzers() {
    }

    /** smartcn words, lower-cased and stemmed (for Latin words inside Chinese text). */
    static Analyzer zh(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream s = new PorterStemFilter(new LowerCaseFilter(source));
                if (synonyms != null) {
                    s = new SynonymGraphFilter(s, synonyms, true);
                }
                return new TokenStreamComponents(source, new StopFilter(s, SmartChineseAnalyzer.getDefaultStopSet()));
            }
        };
    }

    /** Overlapping CJK bigrams: robust to typos and to segmentation errors of smartcn. */
    static Analyzer bigram() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)));
                return new TokenStreamComponents(source, s);
            }
        };
    }

    static Analyzer en(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new PorterStemFilter(
                        new BritishSpellingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source))));
                if (synonyms != null) {
                    s = new SynonymGraphFilter(s, synonyms, true);
                }
                return new TokenStreamComponents(source, new StopFilter(s, EN_STOP));
            }
        };
    }

    /** What SolrSynonymParser analyses rules with: the query chain up to the synonym filter. */
    static Analyzer zhForSynonyms() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
            }
        };
    }

    static Analyzer enForSynonyms() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source,
                        new PorterStemFilter(new BritishSpellingFilter(
                                new LowerCaseFilter(new EnglishPossessiveFilter(source)))));
            }
        };
    }

    /** The indexing analyzer: each field of {@link Fields} with its chain, no synonyms. */
    static Analyzer forIndex() {
        Analyzer zh = zh(null);
        Analyzer bi = bigram();
        Analyzer en = en(null);
        return new PerFieldAnalyzerWrapper(en, Map.of(
                Fields.ZH_Q, zh,
                Fields.ZH_Q_BI, bi, Fields.ZH_B_BI, bi));
    }

    private static CharArraySet stemmed(CharArraySet words) {
        CharArraySet out = new CharArraySet(words.size(), true);
        for (Object w : words) {
            String word = new String((char[]) w);
            out.add(word);
            out.add(TokenLists.stem(word));
        }
        return CharArraySet.unmodifiableSet(out);
    }
}
