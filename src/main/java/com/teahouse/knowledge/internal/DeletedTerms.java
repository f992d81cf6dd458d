package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/**
 * What the documents deleted by publishes, but not yet merged away, add to an index's term statistics: Lucene keeps
 * counting them in document frequencies, term counts and field totals until their segment is merged. Subtracting
 * these counts gives every statistic a full build of the live documents computes, so BM25 ranks an edited digest
 * exactly as the same digest built afresh, without merging the 10,000-document segment on every publish (which
 * cost each instance 20–550 ms of CPU per publish and slowed the searches meanwhile). Immutable.
 */
final class DeletedTerms {

    static final DeletedTerms NONE = new DeletedTerms(Map.of(), Map.of(), 0);
    /** The index-time chains, for a field given as text (the builder's fields carry their tokens already). */
    private static final Analyzer INDEX = DigestAnalyzers.forIndex();

    /** One document's indexed terms: field → term → frequency. */
    record Doc(Map<String, Map<String, Integer>> fields) {

        /** Counts the tokens of {@code d}'s tokenized fields, as the IndexWriter indexed them. */
        static Doc of(Document d) {
            Map<String, Map<String, Integer>> fields = new HashMap<>();
            for (IndexableField f : d.getFields()) {
                if (!f.fieldType().tokenized() || f.fieldType().indexOptions() == IndexOptions.NONE) {
                    continue;
                }
                Map<String, Integer> terms = fields.computeIfAbsent(f.name(), k -> new HashMap<>());
                try (TokenStream ts = f.tokenStream(INDEX, null)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        terms.merge(term.toString(), 1, Integer::sum);
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            fields.values().removeIf(Map::isEmpty); // a field without terms does not count in docCount
            return new Doc(fields);
        }
    }

    /** field → term → {docFreq, totalTermFreq} */
    private final Map<String, Map<String, long[]>> terms;
    /** field → {docCount, sumTotalTermFreq, sumDocFreq} */
    private final Map<String, long[]> fields;
    private final int docs;

    private DeletedTerms(Map<String, Map<String, long[]>> terms, Map<String, long[]> fields, int docs) {
        this.terms = terms;
        this.fields = fields;
        this.docs = docs;
    }

    static DeletedTerms of(Collection<Doc> deleted) {
        if (deleted.isEmpty()) {
            return NONE;
        }
        Map<String, Map<String, long[]>> terms = new HashMap<>();
        Map<String, long[]> fields = new HashMap<>();
        for (Doc doc : deleted) {
            doc.fields().forEach((field, freqs) -> {
                Map<String, long[]> byTerm = terms.computeIfAbsent(field, k -> new HashMap<>());
                long[] totals = fields.computeIfAbsent(field, k -> new long[3]);
                totals[0]++;
                freqs.forEach((term, freq) -> {
                    long[] t = byTerm.computeIfAbsent(term, k -> new long[2]);
                    t[0]++;
                    t[1] += freq;
                    totals[1] += freq;
                    totals[2]++;
                });
            });
        }
        return new DeletedTerms(terms, fields, deleted.size());
    }

    /** How many deleted documents there are. */
    int docs() {
        return docs;
    }

    int docFreq(String field, String term) {
        long[] t = term(field, term);
        return t == null ? 0 : (int) t[0];
    }

    long totalTermFreq(String field, String term) {
        long[] t = term(field, term);
        return t == null ? 0 : t[1];
    }

    /** {docCount, sumTotalTermFreq, sumDocFreq} of the deleted documents in {@code field}. */
    long[] field(String field) {
        long[] f = fields.get(field);
        return f == null ? new long[3] : f;
    }

    private long[] term(String field, String term) {
        if (docs == 0) {
            return null;
        }
        Map<String, long[]> byTerm = terms.get(field);
        return byTerm == null ? null : byTerm.get(term);
    }
}
