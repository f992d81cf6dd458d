package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseMerging.Similar;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the 并单 candidates of a case when it opens: it is compared, by description and company (and whether the
 * same entrepreneur sent it), with every case of the last 30 days in the same category and district
 * ({@link OpenCaseTexts}, kept up to date from Redis by {@link OpenCaseFeed}); those scoring at least the
 * calibrated threshold and still open are stored with both cases ({@link CandidatePairs}): computed once, by the
 * instance that opened it, and the same for every instance after. It runs in the opening's thread, so staff see
 * the candidates as soon as the case: it costs a few milliseconds (MergeCandidatesBench).
 */
@Component
class MergeCandidates {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MergeCandidates.class);

    private final MergeProperties props;
    private final Clock clock;
    private final OpenCaseTexts texts = new OpenCaseTexts(new SimilarityScorer());
    private final OpenCaseFeed feed;
    private final CandidateScan scan = new CandidateScan(texts);
    private final CandidatePairs pairs;

    MergeCandidates(RedisStore redis, MergeProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.feed = new OpenCaseFeed(redis, texts, Duration.ofDays(props.windowDays()), clock.instant());
        this.pairs = new CandidatePairs(redis);
    }

    /** The open cases of the window, read before the first case opens here (not on its way). */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("could not read the open cases for 并单 candidates yet; the first opening will", e);
        }
    }

    /** Candidates are help for staff: a failure here is logged and never fails the opening of the case. */
    @EventListener
    void on(CaseEvent.CaseOpened opened) {
        try {
            save(opened.trackingNumber(), detect(opened.trackingNumber()));
        } catch (RuntimeException e) {
            log.warn("并单 candidates of case {} not computed", opened.trackingNumber(), e);
        }
    }

    synchronized void catchUp() {
        feed.catchUp(clock.instant());
    }

    /**
     * The candidates of a case that has just opened, best first: the comparison (in memory, one at a time), then
     * the states of the best in Redis. None for a case without a description (a handoff).
     */
    List<Similar> detect(String t) {
        return bestOpen(compare(t));
    }

    /**
     * The cases of the group that score at or above the threshold, best first. The catch-up reads the case itself
     * from {@code cases:all}, where open.lua put it with the case: so it is analysed once, and compared with what
     * any instance opened before it.
     */
    private synchronized List<Similar> compare(String t) {
        Instant now = clock.instant();
        feed.catchUp(now);
        OpenCaseTexts.Held mine = texts.get(t);
        if (mine == null) {
            return List.of();
        }
        long from = now.minus(Duration.ofDays(props.windowDays())).toEpochMilli();
        List<Similar> found = new ArrayList<>();
        for (CandidateScan.Scored s : scan.scan(mine, from, props.threshold())) {
            found.add(new Similar(s.other().tracking(), round(s.score().value()),
                    s.score().reasons(mine.confidential() || s.other().confidential())));
        }
        found.sort(Comparator.comparingDouble(Similar::score).reversed());
        return found;
    }

    /** The best that are still open: the states of a few at a time, usually one round trip. */
    private List<Similar> bestOpen(List<Similar> found) {
        int max = props.maxCandidates();
        List<Similar> open = new ArrayList<>();
        for (int at = 0; at < found.size() && open.size() < max; at += 2 * max) {
            open.addAll(pairs.stillOpen(found.subList(at, Math.min(found.size(), at + 2 * max))));
        }
        return open.size() > max ? List.copyOf(open.subList(0, max)) : open;
    }

    /** Stores the pairs with both cases and in the supervisor's list. */
    void save(String t, List<Similar> found) {
        pairs.save(t, found);
    }

    /** How many cases the comparison holds (a test looks). */
    int held() {
        return texts.size();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
