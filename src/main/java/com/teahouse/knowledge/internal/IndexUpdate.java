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
     * changed entries patched in: rebuilding them for the whole digest (every entry's text lowered again, every
     * stored document read back) cost seconds of CPU and hundreds of megabytes of garbage per publish on a 10,000
     * entry digest, and the collections of that garbage stopped the queries being served meanwhile.
     */
    static IndexSnapshot update(IndexSnapshot base, LiveIndex index, List<Entry> upserts,
                                Collection<String> removed, long generation, AnalysisCache cache) {
        Map<String, Entry> byId = new HashMap<>(base.byId());
        Map<String, String> zhText = new HashMap<>(base.zhText());
        Set<String> changedIds = new HashSet<>(removed);
        Set<String> documents = new HashSet<>();
        for (String id : removed) {
            IndexBuilder.firstDocument(byId.remove(id)).ifPresent(documents::add);
            zhText.remove(id);
        }
        for (Entry e : upserts) {
            changedIds.add(e.id());
            IndexBuilder.firstDocument(byId.put(e.id(), e)).ifPresent(documents::add);
            IndexBuilder.firstDocument(e).ifPresent(documents::add);
            zhText.put(e.id(), IndexBuilder.zhAll(e).toLowerCase(Locale.ROOT));
        }
        Map<String, List<Entry>> byDocument = new HashMap<>(base.byDocument());
        for (String document : documents) {
            List<Entry> list = new ArrayList<>();
            base.byDocument().getOrDefault(document, List.of()).stream()
                    .filter(e -> !changedIds.contains(e.id())).forEach(list::add);
            upserts.stream().filter(e -> IndexBuilder.firstDocument(e).filter(document::equals).isPresent()).forEach(list::add);
            list.sort(Comparator.comparing(Entry::file)); // file order, as a full build lists them
            if (list.isEmpty()) {
                byDocument.remove(document);
            } else {
                byDocument.put(document, List.copyOf(list));
            }
        }
        DirectoryReader reader = index.apply(upserts, removed, e -> IndexBuilder.document(e, cache));
        return new IndexSnapshot(new ExactSearcher(reader, index.deleted()), byDoc(reader, byId), Map.copyOf(byId), Map.copyOf(zhText),
                Map.copyOf(byDocument), base.zhQuery(), base.bigram(), base.enQuery(), base.synonyms(), generation,
                base.calibration(), base.entities());
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
            return Collections.unmodifiableList(Arrays.asList(byDoc)); // null where a document is deleted
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
