package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Builds an in-memory index (ByteBuffersDirectory) and wraps it into an {@link IndexSnapshot}. */
public final class IndexBuilder {

    private IndexBuilder() {
    }

    public static IndexSnapshot build(List<Entry> entries, SynonymRules synonyms, long generation) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(DigestAnalyzers.forIndex());
            config.setRAMBufferSizeMB(64);
            List<Entry> byDoc = new ArrayList<>(entries.size());
            Map<String, Entry> byId = new HashMap<>();
            Map<String, String> zhText = new HashMap<>();
            Map<String, Set<String>> enTerms = new HashMap<>();
            Map<String, List<Entry>> byDocument = new HashMap<>();
            Analyzer en = DigestAnalyzers.en(null);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (Entry e : entries) {
                    writer.addDocument(document(e));
                    byDoc.add(e);
                    byId.put(e.id(), e);
                    zhText.put(e.id(), zhAll(e).toLowerCase(Locale.ROOT));
                    enTerms.put(e.id(), Set.copyOf(TokenLists.terms(en, Fields.EN_ALL, enAll(e))));
                    for (Entry.SourceRef ref : e.sources().subList(0, Math.min(1, e.sources().size()))) {
                        byDocument.computeIfAbsent(ref.document(), k -> new ArrayList<>()).add(e);
                    }
                }
                writer.forceMerge(1);
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            SynonymMap zhMap = synonyms.map(DigestAnalyzers.zhForSynonyms());
            SynonymMap enMap = synonyms.map(DigestAnalyzers.enForSynonyms());
            return new IndexSnapshot(searcher, List.copyOf(byDoc), Map.copyOf(byId), Map.copyOf(zhText),
                    Map.copyOf(enTerms), Map.copyOf(byDocument),
                    DigestAnalyzers.zh(zhMap), DigestAnalyzers.bigram(), DigestAnalyzers.en(enMap), synonyms,
                    generation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonyms: " + e.getMessage(), e);
        }
    }

    public static IndexSnapshot empty() {
        return build(List.of(), SynonymRules.empty(), 0);
    }

    private static Document document(Entry e) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
        String tags = String.join(" ", e.tags());
        String zhQ = e.titleZh() + "\n" + String.join("\n", e.questionsZh()) + "\n" + tags;
        String zhB = e.answerZh() + "\n" + e.detailZh();
        String enQ = e.titleEn() + "\n" + String.join("\n", e.questionsEn()) + "\n" + tags;
        String enB = e.answerEn() + "\n" + e.detailEn();
        d.add(new TextField(Fields.ZH_Q, zhQ, Field.Store.NO));
        d.add(new TextField(Fields.ZH_Q_BI, zhQ, Field.Store.NO));
        d.add(new TextField(Fields.ZH_B, zhB, Field.Store.NO));
        d.add(new TextField(Fields.ZH_B_BI, zhB, Field.Store.NO));
        d.add(new TextField(Fields.EN_Q, enQ, Field.Store.NO));
        d.add(new TextField(Fields.EN_B, enB, Field.Store.NO));
        d.add(new TextField(Fields.ZH_ALL, zhAll(e), Field.Store.NO));
        d.add(new TextField(Fields.EN_ALL, enAll(e), Field.Store.NO));
        return d;
    }

    private static String enAll(Entry e) {
        return e.titleEn() + "\n" + String.join("\n", e.questionsEn()) + "\n" + String.join(" ", e.tags()) + "\n"
                + e.answerEn() + "\n" + e.detailEn();
    }

    private static String zhAll(Entry e) {
        return e.titleZh() + "\n" + String.join("\n", e.questionsZh()) + "\n" + String.join(" ", e.tags()) + "\n"
                + e.answerZh() + "\n" + e.detailZh();
    }
}
