package com.teahouse.cases.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The analysed terms of the window's cases, each with a small id and its document frequency (how many of those
 * cases hold it), which the idf of {@link SimilarityScorer} needs. A case is kept as arrays of ids, so scoring a
 * group of cases is array work, not string hashing. A term no case holds any more is forgotten and its id reused,
 * so the table stays as large as the window's vocabulary. Not thread-safe: {@link OpenCaseTexts} guards it.
 */
final class TermTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] terms = new String[1024];
    private int[] docFreq = new int[1024];
    private final Deque<Integer> free = new ArrayDeque<>();
    private int next;

    /** The id of a term, or -1 when no case of the window holds it. */
    int idOf(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    /** One more case holds this term: its id. */
    int hold(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = free.isEmpty() ? next++ : free.pop();
            if (id >= terms.length) {
                terms = Arrays.copyOf(terms, terms.length * 2);
                docFreq = Arrays.copyOf(docFreq, docFreq.length * 2);
            }
            ids.put(term, id);
            terms[id] = term;
        }
        docFreq[id]++;
        return id;
    }

    /** One case fewer holds the term of this id (it left the window). */
    void release(int id) {
        if (--docFreq[id] == 0) {
            ids.remove(terms[id]);
            terms[id] = null;
            free.push(id);
        }
    }

    int docFreq(int id) {
        return id < 0 ? 0 : docFreq[id];
    }

    /** Ids are below this: the size of an array indexed by term id. */
    int capacity() {
        return terms.length;
    }

    /** How many distinct terms the window holds. */
    int size() {
        return ids.size();
    }
}
