package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.Bits;

/**
 * The serving generation's index kept open for changes: an IndexWriter over an in-memory directory. A publish that
 * changes a few entries replaces (or deletes) their documents and reopens the reader, which shares every untouched
 * segment with the previous one, so ten changed entries cost ten documents, not the whole digest.
 * <p>
 * Deleted documents stay in their segments until the merge policy merges them away in its own time: merging them
 * away on every publish ({@code forceMergeDeletes}) rewrote the 10,000-document segment each time, and searches
 * slowed meanwhile. Until then they would still count in BM25's statistics, so every document carries a sequence
 * number (doc values), the terms of each document a publish deletes are kept by that number, and each reader comes
 * with the counts of the deleted documents it still holds ({@link DeletedTerms}), which {@link ExactSearcher}
 * subtracts. Readers come from commits, never from the writer, so a query holding an older reader keeps reading it;
 * the in-memory directory keeps the bytes of deleted files alive for as long as such a reader is reachable. Not
 * thread-safe after {@link #create}: the reloader calls it under its lock.
 */
final class LiveIndex implements AutoCloseable {

    private static final String SEQ = "seq";

    /** An entry's document in the index: its sequence number and the entry it was made from. */
    private record Indexed(long seq, Entry entry) {
    }

    private final IndexWriter writer;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();
    /** Terms of deleted documents that may still be in a segment, by sequence number. */
    private final Map<Long, DeletedTerms.Doc> deletedDocs = new HashMap<>();
    private DirectoryReader reader;
    private DeletedTerms deleted = DeletedTerms.NONE;

    private LiveIndex(IndexWriter writer) {
        this.writer = writer;
    }

    /** Indexes {@code entries} (analysed on every core: smartcn dominates a build) and opens the first reader. */
    static LiveIndex create(List<Entry> entries, Function<Entry, Document> document) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(DigestAnalyzers.forIndex());
            config.setRAMBufferSizeMB(256);
            config.setMergeScheduler(new SerialMergeScheduler());
            LiveIndex index = new LiveIndex(new IndexWriter(directory(), config));
            entries.parallelStream().forEach(e -> {
                try {
                    index.writer.addDocument(index.numbered(e, document));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            index.writer.commit();
            index.reader = DirectoryReader.open(index.writer.getDirectory());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An in-memory directory whose files are each one buffer once written. The default keeps a file as a list of
     * small blocks, and every clone or slice of an input (each term lookup and postings read of a query clones one)
     * copies that list: about 1.9 MB of garbage per query on the 10,000-entry digest, whose collections paused the
     * searches. One buffer makes a clone one small object; writing costs one copy of each file when it is closed.
     */
    private static ByteBuffersDirectory directory() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    }

    DirectoryReader reader() {
        return reader;
    }

    /** The term counts of the deleted documents {@link #reader()} still holds. */
    DeletedTerms deleted() {
        return deleted;
    }

    /** Replaces the documents of {@code upserts} (by id), deletes those of {@code removed}; the new reader. */
    DirectoryReader apply(Collection<Entry> upserts, Collection<String> removed, Function<Entry, Document> document) {
        try {
            for (Entry e : upserts) {
                forget(e.id(), document);
                writer.updateDocument(new Term(Fields.ID, e.id()), numbered(e, document));
            }
            for (String id : removed) {
                forget(id, document);
                writer.deleteDocuments(new Term(Fields.ID, id));
            }
            writer.commit();
            DirectoryReader next = DirectoryReader.openIfChanged(reader);
            if (next != null) {
                reader = next; // the previous reader is left open: queries in flight may still hold it
                deleted = deletedIn(reader);
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document numbered(Entry e, Function<Entry, Document> document) {
        long seq = sequence.incrementAndGet();
        Document d = document.apply(e);
        d.add(new NumericDocValuesField(SEQ, seq));
        indexed.put(e.id(), new Indexed(seq, e));
        return d;
    }

    /** Keeps the terms of {@code id}'s document, which is about to be deleted. */
    private void forget(String id, Function<Entry, Document> document) {
        Indexed was = indexed.remove(id);
        if (was != null) {
            deletedDocs.put(was.seq(), DeletedTerms.Doc.of(document.apply(was.entry())));
        }
    }

    /**
     * The deleted documents {@code r} holds, found by their sequence numbers; those merged away are dropped from
     * {@link #deletedDocs}.
     */
    private DeletedTerms deletedIn(DirectoryReader r) throws IOException {
        List<DeletedTerms.Doc> docs = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        for (LeafReaderContext leaf : r.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            if (live == null) {
                continue;
            }
            NumericDocValues seqs = leaf.reader().getNumericDocValues(SEQ);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (live.get(d)) {
                    continue;
                }
                DeletedTerms.Doc doc = seqs != null && seqs.advanceExact(d) ? deletedDocs.get(seqs.longValue()) : null;
                if (doc == null) {
                    throw new IllegalStateException("a deleted document without its recorded terms");
                }
                present.add(seqs.longValue());
                docs.add(doc);
            }
        }
        deletedDocs.keySet().retainAll(present);
        return DeletedTerms.of(docs);
    }

    /** Closes the writer; readers already opened stay readable. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
