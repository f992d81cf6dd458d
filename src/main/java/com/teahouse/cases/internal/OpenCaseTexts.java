package com.teahouse.cases.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complaint texts of the cases opened in the window (30 days), analysed once with the scorer's Lucene analyzer
 * and kept per group (category and district), in memory, in each instance. A new case is compared only with
 * the cases of its group (about 1% of the window at 100,000 open cases), and with every one of them: no retrieval
 * step can drop a duplicate. The document frequencies count every case of the window, as the idf needs.
 * States are not kept here: the caller checks them in Redis for the few cases that score. Not thread-safe:
 * {@link MergeCandidates} serialises its use.
 */
final class OpenCaseTexts {

    /**
     * One case as it is compared: its terms as sorted ids with their counts, the company normalised once, the
     * owner as an opaque key (never the chat id).
     */
    record Held(String tracking, String group, long opened, int[] terms, short[] counts, String company,
            String owner, boolean confidential) {
    }

    private final SimilarityScorer scorer;
    private final TermTable terms = new TermTable();
    private final Map<String, List<Held>> groups = new HashMap<>();
    private final Map<String, Held> byTracking = new HashMap<>();

    OpenCaseTexts(SimilarityScorer scorer) {
        this.scorer = scorer;
    }

    /** What is compared with what: the same category and district (as the entrepreneur named it). */
    static String group(String category, String location) {
        return (category == null ? "" : category) + "|" + (location == null ? "" : location.strip());
    }

    /** Adds a case (analysing its description once); a case already held is left as it is. */
    Held add(String tracking, String category, String location, String description, String company,
            String owner, boolean confidential, long opened) {
        Held known = byTracking.get(tracking);
        if (known != null) {
            return known;
        }
        Map<String, Integer> analysed = scorer.terms(description);
        long[] idCounts = new long[analysed.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : analysed.entrySet()) {
            idCounts[i++] = ((long) terms.hold(e.getKey()) << 32) | Math.min(e.getValue(), Short.MAX_VALUE);
        }
        Held h = held(tracking, group(category, location), opened, idCounts, company, owner, confidential);
        byTracking.put(tracking, h);
        groups.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(h);
        return h;
    }

    private static Held held(String tracking, String group, long opened, long[] idCounts, String company,
            String owner, boolean confidential) {
        Arrays.sort(idCounts);
        int[] ids = new int[idCounts.length];
        short[] counts = new short[idCounts.length];
        for (int i = 0; i < idCounts.length; i++) {
            ids[i] = (int) (idCounts[i] >> 32);
            counts[i] = (short) idCounts[i];
        }
        return new Held(tracking, group, opened, ids, counts, SimilarityScorer.normaliseCompany(company), owner,
                confidential);
    }

    Held get(String tracking) {
        return byTracking.get(tracking);
    }

    /** The held cases of a group, oldest first (in the order they were read). */
    List<Held> group(String group) {
        return groups.getOrDefault(group, List.of());
    }

    /** Forgets the cases opened before this time (ms): they left the window. */
    void prune(long before) {
        groups.values().forEach(list -> list.removeIf(h -> {
            if (h.opened() >= before) {
                return false;
            }
            byTracking.remove(h.tracking());
            for (int id : h.terms()) {
                terms.release(id);
            }
            return true;
        }));
        groups.values().removeIf(List::isEmpty);
    }

    TermTable terms() {
        return terms;
    }

    /** How many cases are held: the document count of the idf. */
    int size() {
        return byTracking.size();
    }
}
