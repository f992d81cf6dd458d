package com.teahouse.policy.internal;

import com.teahouse.store.RedisStore;

/**
 * Where the unanswered list lives in Redis. {@code index}: line id → last asked (ms), for listing, retention and
 * the cap; {@code c:<id>} a hash (lang, count, first and last asked, handled, top entry, the first phrasing's words and all phrasings' words); {@code c:<id>:v} the
 * phrasings by count; {@code c:<id>:e} the closest entries by weight; {@code t:<lang>:<word>} the lines that
 * have a word, to find a line to join without reading them all.
 */
record ClusterKeys(RedisStore store) {

    static final String ROOT = "policy:unanswered:";

    String index() {
        return store.key(ROOT + "index");
    }

    String seq() {
        return store.key(ROOT + "seq");
    }

    String line(String id) {
        return store.key(ROOT + "c:" + id);
    }

    String variants(String id) {
        return store.key(ROOT + "c:" + id + ":v");
    }

    String entries(String id) {
        return store.key(ROOT + "c:" + id + ":e");
    }

    String word(String lang, String word) {
        return store.key(ROOT + "t:" + lang + ":" + word);
    }
}
