package com.teahouse.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How many open cases hold a term, for one comparison: each term is looked up once in the reader's segments,
 * although the new case's terms are used to pick the query and again to score each of the retrieved cases.
 */
final class DocFreqs implements ToIntFunction<String> {

    private final IndexReader reader;
    private final List<RecentCases.Recent> unseen;
    private final Map<String, Integer> known = new HashMap<>();

    /** @param unseen cases written to the index that this reader does not show yet: they count too */
    DocFreqs(IndexReader reader, List<RecentCases.Recent> unseen) {
        this.reader = reader;
        this.unseen = unseen;
    }

    @Override
    public int applyAsInt(String term) {
        Integer n = known.get(term);
        if (n == null) {
            try {
                n = reader.docFreq(new Term("terms", term));
                for (RecentCases.Recent r : unseen) {
                    n += r.terms().containsKey(term) ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            known.put(term, n);
        }
        return n;
    }
}
