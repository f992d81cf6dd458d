package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
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
        long generation,
        Calibration calibration,
        EntityLexicon entities) {

    /** The same generation with the decision model and party lexicon loaded beside the entries. */
    public IndexSnapshot withRanking(Calibration calibration, EntityLexicon entities) {
        return new IndexSnapshot(searcher, byDoc, byId, zhText, byDocument, zhQuery, bigram, enQuery, synonyms,
                generation, calibration, entities);
    }

    /** The Lucene doc of an entry, or -1. */
    int docOf(String id) {
        Entry e = byId.get(id);
        return e == null ? -1 : byDoc.indexOf(e);
    }

    /** Live entries: deleted documents still in a segment keep their doc ids (with no entry) until merged away. */
    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /** Counts of the deleted documents the index still holds, which the statistics here leave out. */
    private DeletedTerms deleted() {
        return searcher instanceof ExactSearcher exact ? exact.deleted() : DeletedTerms.NONE;
    }

    /** BM25's idf over the question and body fields of a language: rare words say most. */
    double idf(boolean english, String term) {
        int n = Math.max(1, size());
        int df = english ? Math.max(docFreq(Fields.EN_Q, term), docFreq(Fields.EN_B, term))
                : docFreq(Fields.ZH_Q, term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    int docFreq(String field, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(field, term)) - deleted().docFreq(field, term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Document frequencies of many terms of one field, reusing one terms enumerator per segment
     * (cheaper than {@link #docFreq} per term for the dozens of terms of a long question).
     */
    int[] docFreqs(String field, List<String> terms) {
        int[] out = new int[terms.size()];
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms t = leaf.reader().terms(field);
                if (t == null) {
                    continue;
                }
                TermsEnum te = t.iterator();
                for (int i = 0; i < out.length; i++) {
                    if (te.seekExact(new BytesRef(terms.get(i)))) {
                        out[i] += te.docFreq();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeletedTerms deleted = deleted();
        for (int i = 0; i < out.length; i++) {
            out[i] -= deleted.docFreq(field, terms.get(i));
        }
        return out;
    }

    /**
     * Which of {@code docs} (ascending) have {@code term} in {@code field}: one seek per segment
     * and one pass along the postings, however many documents are asked about.
     */
    boolean[] containing(String field, String term, int[] docs) {
        boolean[] out = new boolean[docs.length];
        try {
            BytesRef bytes = new BytesRef(term);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int i = 0;
            for (LeafReaderContext leaf : leaves) {
                int end = leaf.docBase + leaf.reader().maxDoc();
                int first = i;
                while (i < docs.length && docs[i] < end) {
                    i++;
                }
                if (first == i) {
                    continue;
                }
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(bytes)) {
                    continue;
                }
                PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
                for (int k = first; k < i; k++) {
                    int local = docs[k] - leaf.docBase;
                    int at = pe.docID() >= local ? pe.docID() : pe.advance(local);
                    if (at == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    out[k] = at == local;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
