package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * Everything one generation of the digest needs to answer: the searcher, the entries by Lucene doc
 * id, and the query analyzers built from that generation's synonyms. Immutable, so a query that
 * picked it up keeps a consistent view while a reload swaps in the next one.
 */
public record IndexSnapshot(
        IndexSearcher searcher,
        List<Entry> byDoc,
        Map<String, Entry> byId,
        Map<String, String> zhText,
        Map<String, Set<String>> enTerms,
        Map<String, List<Entry>> byDocument,
        Analyzer zhQuery,
        Analyzer bigram,
        Analyzer enQuery,
        SynonymRules synonyms,
        long generation) {

    public int size() {
        return byDoc.size();
    }

    /** Document frequency in the language's catch-all field, for idf weights. */
    int docFreq(String field, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25's idf: rare words say more about what a question is about. */
    double idf(String field, String term) {
        int n = Math.max(1, byDoc.size());
        int df = docFreq(field, term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
