package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseMerging.Similar;
import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the 并单 candidates of a case when it opens, and stores them in Redis with both cases
 * ({@code case:<t>:similar}, a sorted set by score, with the reasons in {@code case:<t>:similar:why}) and in the
 * supervisor's list ({@code cases:similar:pairs}, members "A|B"): computed once, by the instance that opened it,
 * and the same for every instance after. Lucene's BM25 retrieves the nearest texts of the same category and
 * district in the window; {@link SimilarityScorer} scores them.
 */
@Component
class MergeCandidates implements org.springframework.beans.factory.DisposableBean {

    static final int RETRIEVE = 20;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MergeCandidates.class);

    private final RedisStore redis;
    private final CaseStore store;
    private final SimilarityScorer scorer = new SimilarityScorer();
    private final MergeProperties props;
    private final Clock clock;
    private final SimilarIndex index;

    @org.springframework.beans.factory.annotation.Autowired
    MergeCandidates(RedisStore redis, CaseStore store, MergeProperties props, Clock clock) {
        this(redis, store, props, clock, SimilarIndex.MAX_STALE_SEC);
    }

    /** @param maxStaleSec how far the index's searcher may lag (a test holds it back to see the lag scored) */
    MergeCandidates(RedisStore redis, CaseStore store, MergeProperties props, Clock clock, double maxStaleSec) {
        this.redis = redis;
        this.store = store;
        this.props = props;
        this.clock = clock;
        this.index = new SimilarIndex(redis, scorer, Duration.ofDays(props.windowDays()), clock.instant(),
                maxStaleSec);
    }

    /** The index (a test reopens it). */
    SimilarIndex index() {
        return index;
    }

    @Override
    public void destroy() throws IOException {
        index.close();
    }

    /** The open cases of the window, indexed before the first case opens here (not on its way). */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        try {
            index.catchUp(clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not index the open cases for 并单 candidates yet; the first opening will", e);
        }
    }

    /** Candidates are help for staff: a failure here is logged and never fails the opening of the case. */
    @EventListener
    void on(CaseEvent.CaseOpened opened) {
        try {
            store.get(opened.trackingNumber()).ifPresent(c -> {
                if (c.description() != null && !c.description().isBlank()) {
                    save(c.trackingNumber(), detect(c.trackingNumber(), c.category(), c.location(),
                            c.description(), c.company(), SimilarIndex.ownerHash(c.owner().channel(),
                                    c.owner().chat()), c.confidential()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("并单 candidates of case {} not computed", opened.trackingNumber(), e);
        }
    }

    /**
     * The candidates of a case that has just opened (it may already be in the index: it is skipped). The cases
     * the searcher does not show yet (written since its last reopen) are scored directly, and counted in the
     * document frequencies as the reopened index would count them.
     */
    List<Similar> detect(String t, String category, String location, String description, String company,
            String owner, boolean confidential) {
        Instant now = clock.instant();
        index.catchUp(now);
        Map<String, Integer> terms = scorer.terms(description);
        SimilarityScorer.Doc mine = new SimilarityScorer.Doc(description, company, owner);
        long from = now.minus(Duration.ofDays(props.windowDays())).toEpochMilli();
        List<Similar> out = new ArrayList<>();
        try {
            SimilarIndex.View view = index.acquire();
            try {
                IndexSearcher searcher = view.searcher();
                List<RecentCases.Recent> unseen = view.unseen();
                DocFreqs df = new DocFreqs(searcher.getIndexReader(), unseen);
                Query q = new BooleanQuery.Builder().add(textQuery(terms.keySet(), df), Occur.MUST)
                        .add(new TermQuery(SimilarIndex.groupTerm(category, location)), Occur.FILTER)
                        .add(LongPoint.newRangeQuery("opened", from, Long.MAX_VALUE), Occur.FILTER)
                        .add(new TermQuery(new Term("tracking", t)), Occur.MUST_NOT).build();
                int docs = Math.max(1, searcher.getIndexReader().numDocs() + unseen.size());
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(q, RETRIEVE).scoreDocs) {
                    Document d = stored.document(hit.doc);
                    SimilarityScorer.Doc other = new SimilarityScorer.Doc(d.get("description"), d.get("company"),
                            d.get("owner"));
                    Map<String, Integer> theirs = SimilarIndex.termsOf(d.get("termsText"));
                    keep(out, d.get("tracking"), scorer.score(terms, mine, theirs, other, df, docs),
                            confidential || "1".equals(d.get("confidential")));
                }
                String group = SimilarIndex.group(category, location);
                for (RecentCases.Recent r : unseen) {
                    if (r.group().equals(group) && r.opened() >= from && !r.tracking().equals(t)) {
                        SimilarityScorer.Doc other = new SimilarityScorer.Doc(r.description(), r.company(), r.owner());
                        keep(out, r.tracking(), scorer.score(terms, mine, r.terms(), other, df, docs),
                                confidential || r.confidential());
                    }
                }
            } finally {
                index.release(view);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Similar> open = stillOpen(out);
        return open.stream().sorted(Comparator.comparingDouble(Similar::score).reversed())
                .limit(props.maxCandidates()).toList();
    }

    private void keep(List<Similar> out, String tracking, SimilarityScorer.Score s, boolean hidden) {
        if (s.value() >= props.threshold()) {
            out.add(new Similar(tracking, round(s.value()), s.reasons(hidden)));
        }
    }

    /**
     * Every term of the case. (Asking only for its rarest terms was tried for speed: it lost labelled duplicates
     * and MergeApiIT's invoice group, where the rarest terms are the case's own.)
     */
    static Query textQuery(Set<String> terms, ToIntFunction<String> df) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        terms.stream().limit(IndexSearcher.getMaxClauseCount() - 8)
                .forEach(term -> text.add(new TermQuery(new Term("terms", term)), Occur.SHOULD));
        return text.build();
    }

    /** Only cases still being worked on under their own number are candidates. */
    private List<Similar> stillOpen(List<Similar> found) {
        if (found.isEmpty()) {
            return found;
        }
        List<redis.clients.jedis.Response<String>> states = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (Similar s : found) {
                states.add(p.hget(redis.key("case:" + s.tracking()), "state"));
            }
            p.sync();
        }
        List<Similar> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            String st = states.get(i).get();
            if (st != null && MergeStates.mergeable(st)) {
                out.add(found.get(i));
            }
        }
        return out;
    }

    /** Stores the pairs with both cases and in the supervisor's list, in one transaction. */
    void save(String t, List<Similar> found) {
        if (found.isEmpty()) {
            return;
        }
        try (var tx = redis.jedis().multi()) {
            for (Similar s : found) {
                String why = String.join(",", s.reasons());
                tx.zadd(redis.key("case:" + t + ":similar"), s.score(), s.tracking());
                tx.zadd(redis.key("case:" + s.tracking() + ":similar"), s.score(), t);
                tx.hset(redis.key("case:" + t + ":similar:why"), s.tracking(), why);
                tx.hset(redis.key("case:" + s.tracking() + ":similar:why"), t, why);
                String pair = MergeStates.pair(t, s.tracking());
                tx.zadd(redis.key("cases:similar:pairs"), s.score(), pair);
                tx.hset(redis.key("cases:similar:why"), pair, why);
            }
            tx.exec();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
