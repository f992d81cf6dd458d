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
 * directly. Each carries the writer's sequence number: a reopen that started after it shows it, and it is then
 * forgotten; one written during a reopen is checked in the reader itself (does it hold the tracking number).
 */
final class RecentCases {

    /** A case as the index holds it, with its analysed terms, and the writer's sequence number of its add. */
    record Recent(String tracking, String group, long opened, Map<String, Integer> terms, String description,
            String company, String owner, boolean confidential, long seqNo) {
    }

    private final Map<String, Recent> recent = new ConcurrentHashMap<>();

    void add(Recent r) {
        recent.put(r.tracking(), r);
    }

    /** Every searcher from now on shows what was written up to this sequence number. */
    void shownUpTo(long seqNo) {
        recent.values().removeIf(r -> r.seqNo() <= seqNo);
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
