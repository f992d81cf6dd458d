package com.teahouse.knowledge.internal;

import java.io.IOException;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * The digest's searcher: BM25 with the digest's parameters, over statistics that leave out the documents deleted
 * by publishes and not merged away yet ({@link DeletedTerms}). Scores are then those of a full build of the live
 * documents, to the bit: BM25 reads only document frequency, term count, document count and total field length,
 * and each is corrected by exact integers.
 */
final class ExactSearcher extends IndexSearcher {

    private final DeletedTerms deleted;

    ExactSearcher(IndexReader reader, DeletedTerms deleted) {
        super(reader);
        this.deleted = deleted;
        setSimilarity(new BM25Similarity(Fields.BM25_K1, Fields.BM25_B));
    }

    DeletedTerms deleted() {
        return deleted;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        if (deleted.docs() == 0) {
            return super.termStatistics(term, docFreq, totalTermFreq);
        }
        String text = term.text();
        int df = docFreq - deleted.docFreq(term.field(), text);
        if (df <= 0) {
            // only deleted documents have it: it scores no document, but Lucene needs statistics to build its scorer
            return new TermStatistics(term.bytes(), 1, 1);
        }
        return new TermStatistics(term.bytes(), df, totalTermFreq - deleted.totalTermFreq(term.field(), text));
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics all = super.collectionStatistics(field);
        if (all == null || deleted.docs() == 0) {
            return all;
        }
        long[] gone = deleted.field(field);
        long docCount = all.docCount() - gone[0];
        long maxDoc = all.maxDoc() - deleted.docs();
        if (docCount <= 0) {
            // no live document has the field, so nothing is scored on it; placeholders Lucene accepts
            return new CollectionStatistics(field, Math.max(1, maxDoc), 1, 1, 1);
        }
        return new CollectionStatistics(field, maxDoc, docCount, all.sumTotalTermFreq() - gone[1],
                all.sumDocFreq() - gone[2]);
    }
}
