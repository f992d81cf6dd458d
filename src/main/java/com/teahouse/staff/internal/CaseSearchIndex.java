package com.teahouse.staff.internal;

import com.teahouse.cases.CaseListing;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * An in-memory Lucene index of the open cases, for the console's search: text (description, location and, unless
 * the complainant asked for confidentiality, the company), category (id and names), unit, and the phone number of
 * non-confidential cases only. Confidential complainants' company and phone are never indexed, so no search finds
 * them, not even where the complainant typed them into the description (it is indexed masked, as staff read
 * it). The index holds tracking numbers only: a hit is read again from Redis and checked against
 * {@link com.teahouse.cases.CasePolicy} before anyone sees it, so a stale entry can cost recall, never a leak.
 */
final class CaseSearchIndex implements AutoCloseable {

    private static final java.util.Set<String> T_ONLY = java.util.Set.of("t");
    private final Analyzer analyzer = new CJKAnalyzer(CharArraySet.EMPTY_SET);
    private final QueryBuilder queries = new QueryBuilder(analyzer);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CaseWork work;
    private volatile boolean dirty;

    CaseSearchIndex(CaseWork work) {
        this.work = work;
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer)
                    .setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Indexes (or re-indexes) these cases; an ended case leaves the index. Cheap: the change becomes visible at
     * the next search (which reopens the reader once for all changes since), not in the caller's thread.
     */
    void put(List<CaseRecord> cases) {
        try {
            for (CaseRecord c : cases) {
                write(c);
            }
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(CaseRecord c) throws IOException {
        if (c.state().ended()) {
            writer.deleteDocuments(new Term("t", c.trackingNumber()));
        } else {
            writer.updateDocument(new Term("t", c.trackingNumber()), document(c));
        }
    }

    void remove(String tracking) {
        try {
            writer.deleteDocuments(new Term("t", tracking));
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every open case again, in pages, and drops what is no longer open. The index stays whole meanwhile
     * (updated in place, made visible once at the end), so searches during a rebuild still find everything.
     */
    int rebuild(CaseListing listing) {
        List<String> open = listing.openNumbers();
        java.util.Set<String> still = new java.util.HashSet<>(open);
        try {
            for (int i = 0; i < open.size(); i += 500) {
                for (CaseRecord c : listing.records(open.subList(i, Math.min(open.size(), i + 500)))) {
                    write(c);
                }
            }
            IndexSearcher s = searchers.acquire();
            try {
                var fields = s.storedFields();
                for (int doc = 0; doc < s.getIndexReader().maxDoc(); doc++) {
                    String t = fields.document(doc).get("t");
                    if (t != null && !still.contains(t)) {
                        writer.deleteDocuments(new Term("t", t));
                    }
                }
            } finally {
                searchers.release(s);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open.size();
    }

    private Document document(CaseRecord c) {
        Document d = new Document();
        d.add(new StringField("t", c.trackingNumber(), Field.Store.YES));
        d.add(new StringField("unit", c.unit() == null ? "" : c.unit(), Field.Store.NO));
        // the description as staff read it: a confidential company typed into it finds nothing
        String description = c.withoutContact().description();
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        if (c.location() != null) {
            text.append('\n').append(c.location());
        }
        if (!c.confidential() && c.company() != null) {
            text.append('\n').append(c.company());
        }
        d.add(new TextField("text", text.toString(), Field.Store.NO));
        String category = c.category() == null ? "" : c.category() + " " + work.categoryName(c.category(), "zh")
                + " " + work.categoryName(c.category(), "en");
        d.add(new TextField("cat", category, Field.Store.NO));
        String phone = SearchQuery.phone(c.phone());
        if (!c.confidential() && !phone.isEmpty()) {
            d.add(new StringField("phone", phone, Field.Store.NO));
        }
        return d;
    }

    /**
     * Tracking numbers of the best matches. {@code unit} null: every unit (a supervisor); else that unit's only.
     */
    List<String> find(SearchQuery q, String unit, int limit) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        switch (q.kind()) {
            case TRACKING -> b.add(new PrefixQuery(new Term("t", q.value())), Occur.MUST);
            case PHONE -> b.add(new TermQuery(new Term("phone", q.value())), Occur.MUST);
            case TEXT -> {
                for (String word : q.value().split("\\s+")) {
                    Query text = queries.createPhraseQuery("text", word);
                    Query cat = queries.createPhraseQuery("cat", word);
                    BooleanQuery.Builder either = new BooleanQuery.Builder();
                    if (text != null) {
                        either.add(text, Occur.SHOULD);
                    }
                    if (cat != null) {
                        either.add(cat, Occur.SHOULD);
                    }
                    b.add(either.build(), Occur.MUST);
                }
            }
        }
        if (unit != null) {
            b.add(new TermQuery(new Term("unit", unit)), Occur.FILTER);
        }
        try {
            if (dirty) {
                dirty = false;
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher s = searchers.acquire();
            try {
                List<String> out = new ArrayList<>();
                var stored = s.storedFields();
                for (ScoreDoc hit : s.search(b.build(), limit).scoreDocs) {
                    out.add(stored.document(hit.doc, T_ONLY).get("t"));
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
