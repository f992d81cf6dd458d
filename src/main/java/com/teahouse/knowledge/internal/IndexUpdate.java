package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** The next generation of a snapshot after a publish changed a few entries, and the doc → entry map of a reader. */
final class IndexUpdate {

    private IndexUpdate() {
    }

    /**
     * The next generation after a few entries changed: {@code upserts} replace their namesakes (or are added),
     * {@code removed} ids are withdrawn; only their documents are analysed and written. Synonyms, query analyzers,
     * the decision model and the party lexicon are {@code base}'s. The derived maps are {@code base}'s with the
     * changed entries laid over them ({@link LayeredMap}): rebuilding them for the whole digest (every entry's text
     * lowered again, every stored document read back) cost seconds of CPU and hundreds of megabytes of garbage per
     * publish on a 10,000 entry digest, and the collections of that garbage stopped the queries being served
     * meanwhile.
     */
    static IndexSnapshot update(IndexSnapshot base, LiveIndex index, List<Entry> upserts,
                                Collection<String> removed, long generation, AnalysisCache cache) {
        // each map's changes (null: removed), laid over the base's maps: copying the 10,000 entries of each map
        // on every publish was most of a follower's work for it
        Map<String, Entry> byIdChanges = new HashMap<>();
        Map<String, String> zhTextChanges = new HashMap<>();
        Set<String> documents = new HashSet<>();
        for (String id : removed) {
            IndexBuilder.firstDocument(base.byId().get(id)).ifPresent(documents::add);
            byIdChanges.put(id, null);
            zhTextChanges.put(id, null);
        }
        for (Entry e : upserts) {
            IndexBuilder.firstDocument(base.byId().get(e.id())).ifPresent(documents::add);
            IndexBuilder.firstDocument(e).ifPresent(documents::add);
            byIdChanges.put(e.id(), e);
            zhTextChanges.put(e.id(), IndexBuilder.zhAll(e).toLowerCase(Locale.ROOT));
        }
        Map<String, List<Entry>> byDocumentChanges = new HashMap<>();
        for (String document : documents) {
            List<Entry> list = new ArrayList<>();
            base.byDocument().getOrDefault(document, List.of()).stream()
                    .filter(e -> !byIdChanges.containsKey(e.id())).forEach(list::add);
            upserts.stream().filter(e -> IndexBuilder.firstDocument(e).filter(document::equals).isPresent()).forEach(list::add);
            list.sort(Comparator.comparing(Entry::file)); // file order, as a full build lists them
            byDocumentChanges.put(document, list.isEmpty() ? null : List.copyOf(list));
        }
        Map<String, Entry> byId = LayeredMap.patch(base.byId(), byIdChanges);
        DirectoryReader reader = index.apply(upserts, removed, e -> IndexBuilder.document(e, cache));
        return new IndexSnapshot(new ExactSearcher(reader, index.deleted()), byDoc(reader, byId, base), byId,
                LayeredMap.patch(base.zhText(), zhTextChanges), LayeredMap.patch(base.byDocument(), byDocumentChanges),
                base.zhQuery(), base.bigram(), base.enQuery(), base.synonyms(), generation, base.calibration(),
                base.entities());
    }

    /**
     * {@link #byDoc(DirectoryReader, Map)} after an update: a segment the previous generation already had keeps its
     * entries (a changed entry always gets a new document, so a live document of an old segment still holds the
     * entry it held), less the documents deleted since; only new segments are read from the id postings. So a
     * publish maps the few documents it wrote, not the 10,000 of the big segment again.
     */
    static List<Entry> byDoc(DirectoryReader reader, Map<String, Entry> byId, IndexSnapshot previous) {
        Map<Object, LeafReaderContext> before = new HashMap<>();
        for (LeafReaderContext leaf : previous.searcher().getIndexReader().leaves()) {
            IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
            if (core != null) {
                before.put(core.getKey(), leaf);
            }
        }
        Entry[] byDoc = new Entry[reader.maxDoc()];
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
                LeafReaderContext old = core == null ? null : before.get(core.getKey());
                if (old == null) {
                    fromPostings(leaf, byId, byDoc);
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    byDoc[leaf.docBase + d] = live == null || live.get(d) ? previous.byDoc().get(old.docBase + d) : null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(Arrays.asList(byDoc));
    }

    /**
     * The entry of every Lucene doc. Documents are numbered in no particular order (parallel adds, merges), so doc
     * ids are mapped back through the id field's postings (live documents only): one pass over its terms, where reading every stored
     * document back would decompress the whole store.
     */
    static List<Entry> byDoc(DirectoryReader reader, Map<String, Entry> byId) {
        try {
            Entry[] byDoc = new Entry[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                fromPostings(leaf, byId, byDoc);
            }
            return Collections.unmodifiableList(Arrays.asList(byDoc)); // null where a document is deleted
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills {@code byDoc} for one segment's live documents from its id postings. */
    private static void fromPostings(LeafReaderContext leaf, Map<String, Entry> byId, Entry[] byDoc)
            throws IOException {
        Terms ids = leaf.reader().terms(Fields.ID);
        if (ids == null) {
            return;
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
}
