package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Builds an in-memory index (ByteBuffersDirectory) and wraps it into an {@link IndexSnapshot}. */
public final class IndexBuilder {

    private IndexBuilder() {
    }

    public static IndexSnapshot build(List<Entry> entries, SynonymRules synonyms, long generation) {
        return build(entries, synonyms, generation, new AnalysisCache());
    }

    /** Builds with {@code cache}: field texts unchanged since the cache's last build are not analysed again. */
    public static IndexSnapshot build(List<Entry> entries, SynonymRules synonyms, long generation,
                                      AnalysisCache cache) {
        try (LiveIndex index = buildLive(entries, cache)) {
            return snapshot(index.reader(), entries, synonyms, generation);
        }
    }

    /** A full build whose index stays open for {@link #update}. */
    static LiveIndex buildLive(List<Entry> entries, AnalysisCache cache) {
        cache.beginBuild();
        return LiveIndex.create(entries, e -> document(e, cache));
    }

    /**
     * The next generation after a few entries changed: {@code upserts} replace their namesakes (or are added),
     * {@code removed} ids are withdrawn; only their documents are analysed and written. Synonyms, query analyzers,
     * the decision model and the party lexicon are {@code base}'s. The derived maps are {@code base}'s with the
     * changed entries patched in: rebuilding them for the whole digest (every entry's text lowered again, every
     * stored document read back) cost seconds of CPU and hundreds of megabytes of garbage per publish on a 10,000
     * entry digest, and the collections of that garbage stopped the queries being served meanwhile.
     */
    static IndexSnapshot update(IndexSnapshot base, LiveIndex index, List<Entry> upserts,
                                java.util.Collection<String> removed, long generation, AnalysisCache cache) {
        Map<String, Entry> byId = new HashMap<>(base.byId());
        Map<String, String> zhText = new HashMap<>(base.zhText());
        Set<String> changedIds = new HashSet<>(removed);
        Set<String> documents = new HashSet<>();
        for (String id : removed) {
            firstDocument(byId.remove(id)).ifPresent(documents::add);
            zhText.remove(id);
        }
        for (Entry e : upserts) {
            changedIds.add(e.id());
            firstDocument(byId.put(e.id(), e)).ifPresent(documents::add);
            firstDocument(e).ifPresent(documents::add);
            zhText.put(e.id(), zhAll(e).toLowerCase(Locale.ROOT));
        }
        Map<String, List<Entry>> byDocument = new HashMap<>(base.byDocument());
        for (String document : documents) {
            List<Entry> list = new ArrayList<>();
            base.byDocument().getOrDefault(document, List.of()).stream()
                    .filter(e -> !changedIds.contains(e.id())).forEach(list::add);
            upserts.stream().filter(e -> firstDocument(e).filter(document::equals).isPresent()).forEach(list::add);
            list.sort(Comparator.comparing(Entry::file)); // file order, as a full build lists them
            if (list.isEmpty()) {
                byDocument.remove(document);
            } else {
                byDocument.put(document, List.copyOf(list));
            }
        }
        DirectoryReader reader = index.apply(upserts, removed, e -> document(e, cache));
        return new IndexSnapshot(searcher(reader), byDoc(reader, byId), Map.copyOf(byId), Map.copyOf(zhText),
                Map.copyOf(byDocument), base.zhQuery(), base.bigram(), base.enQuery(), base.synonyms(), generation,
                base.calibration(), base.entities());
    }

    static IndexSnapshot snapshot(DirectoryReader reader, List<Entry> entries, SynonymRules synonyms,
                                  long generation) {
        Map<String, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        return snapshot(reader, byId, synonyms, generation);
    }

    private static IndexSnapshot snapshot(DirectoryReader reader, Map<String, Entry> byId, SynonymRules synonyms,
                                          long generation) {
        try {
            Map<String, String> zhText = new HashMap<>();
            Map<String, List<Entry>> byDocument = new HashMap<>();
            // in file order, as the loader reads them: the related-entry buttons list entries in this order
            for (Entry e : byId.values().stream().sorted(Comparator.comparing(Entry::file)).toList()) {
                zhText.put(e.id(), zhAll(e).toLowerCase(Locale.ROOT));
                firstDocument(e).ifPresent(d -> byDocument.computeIfAbsent(d, k -> new ArrayList<>()).add(e));
            }
            SynonymMap zhMap = synonyms.map(DigestAnalyzers.zhForSynonyms());
            SynonymMap enMap = synonyms.map(DigestAnalyzers.enForSynonyms());
            return new IndexSnapshot(searcher(reader), byDoc(reader, byId), Map.copyOf(byId), Map.copyOf(zhText),
                    Map.copyOf(byDocument), DigestAnalyzers.zh(zhMap), DigestAnalyzers.bigram(),
                    DigestAnalyzers.en(enMap), synonyms, generation, Calibration.DEFAULT, EntityLexicon.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonyms: " + e.getMessage(), e);
        }
    }

    private static IndexSearcher searcher(DirectoryReader reader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(Fields.BM25_K1, Fields.BM25_B));
        return searcher;
    }

    /**
     * The entry of every Lucene doc. Documents are numbered in no particular order (parallel adds, merges), so doc
     * ids are mapped back through the id field's postings: one pass over its terms, where reading every stored
     * document back would decompress the whole store.
     */
    private static List<Entry> byDoc(DirectoryReader reader, Map<String, Entry> byId) {
        try {
            Entry[] byDoc = new Entry[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms ids = leaf.reader().terms(Fields.ID);
                if (ids == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum te = ids.iterator();
                PostingsEnum postings = null;
                for (BytesRef id = te.next(); id != null; id = te.next()) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    Entry e = null;
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            e = e == null ? byId.get(id.utf8ToString()) : e;
                            byDoc[leaf.docBase + d] = e;
                        }
                    }
                }
            }
            return List.copyOf(Arrays.asList(byDoc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> firstDocument(Entry e) {
        return e == null || e.sources().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(e.sources().get(0).document());
    }

    public static IndexSnapshot empty() {
        return build(List.of(), SynonymRules.empty(), 0);
    }

    private static final Analyzer ZH = DigestAnalyzers.zh(null);
    private static final Analyzer BIGRAM = DigestAnalyzers.bigram();
    private static final Analyzer EN = DigestAnalyzers.en(null);

    private static Document document(Entry e, AnalysisCache cache) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
        String tags = String.join(" ", e.tags());
        String zhQ = e.titleZh() + "\n" + String.join("\n", e.questionsZh()) + "\n" + tags;
        // answer and detail get bigrams only: smartcn's HMM is most of the build time, and a word
        // field over the body ranked no better than its bigrams on the evaluation set
        String zhB = e.answerZh();
        String zhDetail = e.detailZh();
        String enQ = e.titleEn() + "\n" + String.join("\n", e.questionsEn()) + "\n" + tags;
        String enB = e.answerEn() + "\n" + e.detailEn();
        d.add(new TextField(Fields.ZH_Q, cache.stream(ZH, Fields.ZH_Q, zhQ)));
        d.add(new TextField(Fields.ZH_Q_BI, cache.stream(BIGRAM, Fields.ZH_Q_BI, zhQ)));
        d.add(new TextField(Fields.ZH_B_BI, cache.stream(BIGRAM, Fields.ZH_B_BI, zhB + "\n" + zhDetail)));
        d.add(new TextField(Fields.EN_Q, cache.stream(EN, Fields.EN_Q, enQ)));
        d.add(new TextField(Fields.EN_B, cache.stream(EN, Fields.EN_B, enB)));
        return d;
    }

    private static String zhAll(Entry e) {
        return e.titleZh() + "\n" + String.join("\n", e.questionsZh()) + "\n" + String.join(" ", e.tags()) + "\n"
                + e.answerZh() + "\n" + e.detailZh();
    }
}
