package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;

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

    /** A full build whose index stays open for {@link IndexUpdate#update}. */
    static LiveIndex buildLive(List<Entry> entries, AnalysisCache cache) {
        cache.beginBuild();
        return LiveIndex.create(entries, e -> document(e, cache));
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
            return new IndexSnapshot(new ExactSearcher(reader, DeletedTerms.NONE), IndexUpdate.byDoc(reader, byId),
                    Map.copyOf(byId), Map.copyOf(zhText), Map.copyOf(byDocument), DigestAnalyzers.zh(zhMap),
                    DigestAnalyzers.bigram(), DigestAnalyzers.en(enMap), synonyms, generation, Calibration.DEFAULT, EntityLexicon.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonyms: " + e.getMessage(), e);
        }
    }

    static java.util.Optional<String> firstDocument(Entry e) {
        return e == null || e.sources().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(e.sources().get(0).document());
    }

    public static IndexSnapshot empty() {
        return build(List.of(), SynonymRules.empty(), 0);
    }

    private static final Analyzer ZH = DigestAnalyzers.zh(null);
    private static final Analyzer BIGRAM = DigestAnalyzers.bigram();
    private static final Analyzer EN = DigestAnalyzers.en(null);

    static Document document(Entry e, AnalysisCache cache) {
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

    static String zhAll(Entry e) {
        return e.titleZh() + "\n" + String.join("\n", e.questionsZh()) + "\n" + String.join(" ", e.tags()) + "\n"
                + e.answerZh() + "\n" + e.detailZh();
    }
}
