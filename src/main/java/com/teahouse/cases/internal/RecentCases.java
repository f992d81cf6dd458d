package com.teahouse.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The cases written to {@link SimilarIndex}'s writer that a searcher may not show yet: the index is reopened in
 * the background (a reopen flushes a segment, which an opening must not wait for), so a comparison scores these few
 * directly, and a reopen forgets those it made visible. A case is known visible to a reader when the reader holds
 * its tracking number.
 */
final class RecentCases {

    /** A case as the index holds it, with its analysed terms. */
    record Recent(String tracking, String group, long opened, Map<String, Integer> terms, String description,
            String company, String owner, boolean confidential) {
    }

    private final Map<String, Recent> recent = new ConcurrentHashMap<>();

    void add(Recent r) {
        recent.put(r.tracking(), r);
    }

    /**
     * What is known now. Take it before acquiring the searcher to compare with: a reopen in between forgets only
     * what the newer searcher (the one acquired) shows.
     */
    List<Recent> snapshot() {
        return List.copyOf(recent.values());
    }

    /** Those of the snapshot this reader does not show. */
    static List<Recent> notIn(List<Recent> snapshot, IndexReader reader) {
        List<Recent> out = new ArrayList<>();
        for (Recent r : snapshot) {
            if (!holds(reader, r.tracking())) {
                out.add(r);
            }
        }
        return out;
    }

    /** After a reopen: forget what the new reader shows. */
    void shownBy(IndexReader reader) {
        recent.values().removeIf(r -> holds(reader, r.tracking()));
    }

    /** Cases opened before this time (ms) are out of the window. */
    void prune(long before) {
        recent.values().removeIf(r -> r.opened() < before);
    }

    int size() {
        return recent.size();
    }

    private static boolean holds(IndexReader reader, String tracking) {
        try {
            return reader.docFreq(new Term("tracking", tracking)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
