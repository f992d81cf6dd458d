package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

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
        Map<String, List<Entry>> byDocument,
        Analyzer zhQuery,
        Analyzer bigram,
        Analyzer enQuery,
        SynonymRules synonyms,
        long generation) {

    public int size() {
        return byDoc.size();
    }

    /** BM25's idf over the question and body fields of a language: rare words say most. */
    double idf(boolean english, String term) {
        int n = Math.max(1, byDoc.size());
        int df = english ? Math.max(docFreq(Fields.EN_Q, term), docFreq(Fields.EN_B, term))
                : docFreq(Fields.ZH_Q, term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private int docFreq(String field, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether document {@code doc} has {@code term} in {@code field}: one postings seek, no stored text. */
    boolean contains(int doc, String field, String term) {
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                return false;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(new BytesRef(term))) {
                return false;
            }
            int local = doc - leaf.docBase;
            PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
            int found = pe.advance(local);
            return found == local && found != DocIdSetIterator.NO_MORE_DOCS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
