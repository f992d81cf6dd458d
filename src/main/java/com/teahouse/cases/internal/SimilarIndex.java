package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * The complaint texts of the cases opened in the last days, in memory (Lucene), per instance. It is not told of
 * cases by events, which stay in the instance that made them: before each use it reads from {@code cases:all}
 * (every case by opening time, written by open.lua) the cases opened since it last looked, on any instance. So
 * every instance compares a new case with the same open cases. States are not kept here: the caller checks them
 * in Redis for the few hits that matter. The searcher is reopened in the background (near-real-time, at most
 * {@link #MAX_STALE_SEC} behind the writer); the cases it does not show yet are kept in {@link RecentCases} for the
 * caller to score directly, so no opening waits for a reopen.
 */
final class SimilarIndex implements AutoCloseable {

    /** How far the searcher may lag behind the writer; the cases in that lag are scored one by one. */
    static final double MAX_STALE_SEC = 0.5;
    /** More new cases than this in one catch-up are made searchable at once rather than scored one by one. */
    static final int MAX_RECENT = 500;

    /** One indexed case, as stored fields; {@code owner} is a hash, never the chat id. */
    record Hit(String tracking, String description, String company, String owner, boolean confidential) {
    }

    private final RedisStore redis;
    private final SimilarityScorer scorer;
    private final Duration window;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RecentCases recent = new RecentCases();
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    /** The cases read so far, by opening time (ties at {@code seenUpTo} come back on the next look). */
    private final Map<String, Double> indexed = new HashMap<>();
    private double seenUpTo;
    private Instant prunedAt = Instant.EPOCH;

    SimilarIndex(RedisStore redis, SimilarityScorer scorer, Duration window, Instant now, double maxStaleSec) {
        this.redis = redis;
        this.scorer = scorer;
        this.window = window;
        this.seenUpTo = now.minus(window).toEpochMilli();
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new WhitespaceAnalyzer()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reopener = new ControlledRealTimeReopenThread<>(writer, searchers, maxStaleSec, 0.01);
        reopener.setName("merge-candidates-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /** A searcher, and the cases written before it was taken that it does not show. Release it after use. */
    record View(IndexSearcher searcher, List<RecentCases.Recent> unseen) {
    }

    View acquire() throws IOException {
        recent.shownUpTo(reopener.getSearchingGen());
        List<RecentCases.Recent> known = recent.snapshot();
        IndexSearcher s = searchers.acquire();
        return new View(s, RecentCases.notIn(known, s.getIndexReader()));
    }

    void release(View v) throws IOException {
        searchers.release(v.searcher());
    }

    /** Makes everything written so far searchable, waiting for the reopen. */
    void reopenNow() {
        try {
            reopener.waitForGeneration(writer.getMaxCompletedSequenceNumber());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reopening the 并单 index", e);
        }
    }

    /** How many cases may not be searchable yet. */
    int unseen() {
        recent.shownUpTo(reopener.getSearchingGen());
        return recent.size();
    }

    /** Indexes the cases opened since the last look (one ZRANGEBYSCORE, then one pipeline for the new ones). */
    synchronized void catchUp(Instant now) {
        List<Tuple> fresh = redis.jedis().zrangeByScoreWithScores(redis.key("cases:all"), seenUpTo,
                Double.POSITIVE_INFINITY);
        List<String> numbers = new ArrayList<>();
        for (Tuple t : fresh) {
            seenUpTo = Math.max(seenUpTo, t.getScore());
            if (indexed.putIfAbsent(t.getElement(), t.getScore()) == null) {
                numbers.add(t.getElement());
            }
        }
        if (!numbers.isEmpty()) {
            List<Response<List<String>>> rows = new ArrayList<>();
            try (var p = redis.jedis().pipelined()) {
                for (String n : numbers) {
                    rows.add(p.hmget(redis.key("case:" + n), "category", "location", "description", "company",
                            "ownerChannel", "ownerChat", "confidential", "openedAt"));
                }
                p.sync();
            }
            boolean many = numbers.size() > MAX_RECENT; // searchable before this returns: not kept aside
            for (int i = 0; i < numbers.size(); i++) {
                add(numbers.get(i), rows.get(i).get(), !many);
            }
        }
        prune(now);
        // No reopen for a few: it flushes a segment, which would cost at each opening (the reopen thread does it,
        // and the caller scores the few directly). Many at once (the start, a burst): reopen now.
        if (numbers.size() > MAX_RECENT) {
            reopenNow();
        }
        recent.shownUpTo(reopener.getSearchingGen());
    }

    private void add(String tracking, List<String> f, boolean keepRecent) {
        if (f.get(2) == null || f.get(2).isBlank() || f.get(7) == null) {
            return;
        }
        Document d = new Document();
        d.add(new StringField("tracking", tracking, Field.Store.YES));
        d.add(new StringField("group", group(f.get(0), f.get(1)), Field.Store.NO));
        d.add(new LongPoint("opened", Long.parseLong(f.get(7))));
        Map<String, Integer> analysed = scorer.terms(f.get(2));
        String terms = termsText(analysed);
        d.add(new TextField("terms", terms, Field.Store.NO));
        d.add(new StoredField("termsText", terms)); // analysed once: scoring a hit does not analyse it again
        d.add(new StoredField("description", f.get(2)));
        d.add(new StoredField("company", f.get(3) == null ? "" : f.get(3)));
        d.add(new StoredField("owner", ownerHash(f.get(4), f.get(5))));
        d.add(new StoredField("confidential", "1".equals(f.get(6)) ? "1" : "0"));
        try {
            long seqNo = writer.addDocument(d);
            if (!keepRecent) {
                return;
            }
            recent.add(new RecentCases.Recent(tracking, group(f.get(0), f.get(1)), Long.parseLong(f.get(7)),
                    termsOf(terms), f.get(2), f.get(3) == null ? "" : f.get(3), ownerHash(f.get(4), f.get(5)),
                    "1".equals(f.get(6)), seqNo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is compared with what: the same category and district (as the entrepreneur named it). */
    static String group(String category, String location) {
        return (category == null ? "" : category) + "|" + (location == null ? "" : location.strip());
    }

    static String termsText(Map<String, Integer> analysed) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Integer> e : analysed.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                b.append(e.getKey()).append(' ');
            }
        }
        return b.toString();
    }

    /** The terms of a stored hit, with their counts, as {@link #termsText} wrote them. */
    static Map<String, Integer> termsOf(String termsText) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (String t : termsText.split(" ")) {
            if (!t.isEmpty()) {
                out.merge(t, 1, Integer::sum);
            }
        }
        return out;
    }

    static String ownerHash(String channel, String chat) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((channel + ":" + chat)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean prune(Instant now) {
        if (Duration.between(prunedAt, now).toMinutes() < 60) {
            return false;
        }
        prunedAt = now;
        long before = now.minus(window).toEpochMilli();
        indexed.values().removeIf(opened -> opened < before);
        recent.prune(before);
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery("opened", Long.MIN_VALUE, before - 1));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reopener.close();
        searchers.close();
        writer.close();
    }

    static Term groupTerm(String category, String location) {
        return new Term("group", group(category, location));
    }
}
