package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The serving generation's index kept open for changes: an IndexWriter over an in-memory directory. A publish that
 * changes a few entries replaces (or deletes) their documents and reopens the reader, which shares every untouched
 * segment with the previous one, so ten changed entries cost ten documents, not the whole digest.
 * <p>
 * Deleted documents are merged away before each commit ({@code forceMergeDeletes}): until then they would still
 * count in BM25's statistics (document frequencies, document count, average field length), and an edited digest
 * would rank differently from the same digest built afresh. With no deleted document left, every statistic is the
 * one a full build computes, so ranking does not drift. Readers come from commits, never from the writer, so a
 * query holding an older reader keeps reading it; the in-memory directory keeps the bytes of deleted files alive
 * for as long as such a reader is reachable. Not thread-safe: the reloader calls it under its lock.
 */
final class LiveIndex implements AutoCloseable {

    private final IndexWriter writer;
    private DirectoryReader reader;

    private LiveIndex(IndexWriter writer) {
        this.writer = writer;
    }

    /** Indexes {@code entries} (analysed on every core: smartcn dominates a build) and opens the first reader. */
    static LiveIndex create(List<Entry> entries, Function<Entry, Document> document) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(DigestAnalyzers.forIndex());
            config.setRAMBufferSizeMB(256);
            config.setMergeScheduler(new SerialMergeScheduler());
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0);
            config.setMergePolicy(merges);
            LiveIndex index = new LiveIndex(new IndexWriter(new ByteBuffersDirectory(), config));
            entries.parallelStream().forEach(e -> {
                try {
                    index.writer.addDocument(document.apply(e));
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

    DirectoryReader reader() {
        return reader;
    }

    /** Replaces the documents of {@code upserts} (by id), deletes those of {@code removed}; the new reader. */
    DirectoryReader apply(Collection<Entry> upserts, Collection<String> removed, Function<Entry, Document> document) {
        try {
            for (Entry e : upserts) {
                writer.updateDocument(new Term(Fields.ID, e.id()), document.apply(e));
            }
            for (String id : removed) {
                writer.deleteDocuments(new Term(Fields.ID, id));
            }
            writer.forceMergeDeletes(true);
            writer.commit();
            DirectoryReader next = DirectoryReader.openIfChanged(reader);
            if (next != null) {
                reader = next; // the previous reader is left open: queries in flight may still hold it
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
