package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseListing;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The console's search: {@link CaseSearchIndex} kept current by this instance's case events and rebuilt from
 * Redis now and then (changes made on other instances), and every hit checked against {@link CasePolicy}.
 */
@Component
class ConsoleSearch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSearch.class);
    /** Rows a search shows; the page says when there are more (refine the query). */
    static final int LIMIT = 20;

    private final CaseWork work;
    private final CaseListing listing;
    private final CasePolicy policy;
    private final ConsoleProperties props;
    private final CaseSearchIndex index;
    private ScheduledExecutorService refresher;

    ConsoleSearch(CaseWork work, CaseListing listing, CasePolicy policy, ConsoleProperties props) {
        this.work = work;
        this.listing = listing;
        this.policy = policy;
        this.props = props;
        this.index = new CaseSearchIndex(work);
    }

    /** One page of search results: at most {@link #LIMIT} cases, and whether the index matched more. */
    record Found(List<CaseRecord> cases, boolean more) {
    }

    /**
     * The cases matching the query that this caller may see, best first, at most {@link #LIMIT}. A tracking
     * number is also looked up exactly, so a closed case is found by its number. Unit staff's query is limited to
     * their unit inside the index, so other units' cases are never read; each hit is still read again (only the
     * fields a row needs, in one pipeline) and checked by the case policy, so a stale index can miss a case but
     * never show one the caller may not see.
     */
    Found find(CaseCaller who, SearchQuery q) {
        String unit = who.supervisor() ? null : who.unit();
        List<String> numbers = new ArrayList<>(index.find(q, unit, LIMIT + 1));
        if (q.kind() == SearchQuery.Kind.TRACKING && !numbers.contains(q.value())) {
            numbers.add(0, q.value());
        }
        List<CaseRecord> shown = listing.rows(numbers).stream()
                .filter(c -> policy.decide(who, CasePolicy.Action.SEE, c).allowed())
                .filter(c -> q.kind() != SearchQuery.Kind.PHONE || !c.confidential())
                .map(policy::seen).toList();
        return shown.size() > LIMIT ? new Found(shown.subList(0, LIMIT), true) : new Found(shown, false);
    }

    /** The index alone (for the bench: how much of a search is the Lucene query). */
    CaseSearchIndex index() {
        return index;
    }

    @EventListener
    void changed(CaseEvent event) {
        try {
            work.get(event.trackingNumber()).ifPresentOrElse(c -> index.put(List.of(c)),
                    () -> index.remove(event.trackingNumber()));
        } catch (RuntimeException e) {
            log.warn("Search index not updated for a case ({}); the next rebuild catches up", e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        long every = props.searchRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::rebuild, 0, every, TimeUnit.MILLISECONDS);
    }

    void rebuild() {
        try {
            long start = System.nanoTime();
            int n = index.rebuild(listing);
            log.info("Search index: {} open cases in {} ms", n, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Search index rebuild failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-search");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void stop() {
        refresher.shutdownNow();
        try {
            index.close();
        } catch (java.io.IOException e) {
            log.debug("Search index not closed: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isShutdown();
    }
}
