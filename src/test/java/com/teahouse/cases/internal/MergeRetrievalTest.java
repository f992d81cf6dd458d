package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Retrieval asks Lucene for a case's most telling terms only ({@link MergeCandidates#textQuery}), for speed. Over
 * the labelled cases of src/test/resources/similarity-eval, all in one index (no category or district filter, so
 * harder than at run time), it must bring back every duplicate above the threshold that a query on all the terms
 * brings back, within the same number of hits.
 */
class MergeRetrievalTest {

    @Test
    void theTellingTermsRetrieveTheDuplicatesAllTheTermsDo() throws Exception {
        SimilarityScorer scorer = new SimilarityScorer();
        Map<String, Map<String, Integer>> terms = new HashMap<>();
        for (String lang : List.of("zh", "en")) {
            for (SimilarityEvaluationTest.Case c : SimilarityEvaluationTest.read("cases-" + lang + ".yaml").cases()) {
                terms.put(c.id(), scorer.terms(c.text()));
            }
        }
        double threshold = new MergeProperties(null, null, null).threshold();
        try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(),
                new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (var e : terms.entrySet()) {
                Document d = new Document();
                d.add(new StringField("id", e.getKey(), Field.Store.YES));
                StringBuilder text = new StringBuilder();
                e.getValue().forEach((term, n) -> text.append((term + " ").repeat(n)));
                d.add(new TextField("terms", text.toString(), Field.Store.NO));
                writer.addDocument(d);
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                DocFreqs df = new DocFreqs(reader);
                int duplicates = 0;
                int byAll = 0;
                int byTelling = 0;
                for (SimilarityEvaluationTest.Scored s : SimilarityEvaluationTest.scoreAll()) {
                    if (!s.pair().duplicate() || s.score() < threshold) {
                        continue;
                    }
                    duplicates++;
                    Set<String> mine = terms.get(s.pair().a()).keySet();
                    byAll += retrieved(searcher, allTerms(mine), s.pair().b()) ? 1 : 0;
                    byTelling += retrieved(searcher, MergeCandidates.textQuery(mine, df), s.pair().b()) ? 1 : 0;
                }
                System.out.printf("retrieval of %d duplicates above the threshold in the top %d: all terms %d, "
                        + "the %d most telling %d%n", duplicates, MergeCandidates.RETRIEVE, byAll,
                        MergeCandidates.QUERY_TERMS, byTelling);
                assertThat(duplicates).isGreaterThan(50);
                assertThat(byTelling).isGreaterThanOrEqualTo(byAll);
            }
        }
    }

    private static Query allTerms(Set<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        terms.forEach(t -> b.add(new TermQuery(new Term("terms", t)), Occur.SHOULD));
        return b.build();
    }

    private static boolean retrieved(IndexSearcher searcher, Query q, String id) throws Exception {
        Set<String> ids = new HashSet<>();
        for (ScoreDoc hit : searcher.search(q, MergeCandidates.RETRIEVE).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids.contains(id);
    }
}
