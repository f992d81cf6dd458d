package com.teahouse.cases.internal;

import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseRecord;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * The open queue, read: {@code cases:open} (by reply deadline) and its views {@code cases:open:unit:<u>},
 * {@code cases:open:category:<c>} (same score), {@code cases:due} (by the current deadline) and
 * {@code cases:supervised}. The scripts keep the views; this class only reads them, and builds them once for
 * cases stored before they existed.
 */
@Component
class OpenQueue {

    private static final Logger log = LoggerFactory.getLogger(OpenQueue.class);

    private final RedisStore store;
    private final CaseStore cases;
    private final CaseScripts scripts;

    OpenQueue(RedisStore store, CaseStore cases, CaseScripts scripts) {
        this.store = store;
        this.cases = cases;
        this.scripts = scripts;
    }

    private String key(String suffix) {
        return store.key(suffix);
    }

    private List<CaseRecord> load(List<String> numbers) {
        return cases.load(numbers);
    }

    /**
     * The open queue in deadline order. Walks the smallest ordered view that applies ({@code cases:open}, or
     * {@code cases:open:unit:<u>} / {@code cases:open:category:<c>}) a page at a time until the filter has
     * {@code limit} cases; for overdue cases, when fewer (and at most {@link #LOAD_ALL_OVERDUE}) are past their
     * current deadline in {@code cases:due}, loads those and sorts them by reply deadline; otherwise the walk loads
     * only the cases of each page that cases:due says are past due. The supervision list is small and read from its own set.
     */
    List<CaseRecord> queue(CaseFilter filter, Instant now) {
        if (filter.supervisedOnly()) {
            return sortedLimited(load(List.copyOf(store.jedis().smembers(key("cases:supervised")))), filter, now);
        }
        if (!viewsReady()) {
            return walk(key("cases:open"), filter, now, false);
        }
        String walkKey = key("cases:open");
        long walkSize = Long.MAX_VALUE;
        Response<Long> unitSize = null;
        Response<Long> categorySize = null;
        Response<Long> overdueSize = null;
        try (var p = store.jedis().pipelined()) {
            if (filter.unit() != null) {
                unitSize = p.zcard(key("cases:open:unit:" + filter.unit()));
            }
            if (filter.category() != null) {
                categorySize = p.zcard(key("cases:open:category:" + filter.category()));
            }
            if (filter.overdueOnly()) {
                overdueSize = p.zcount(key("cases:due"), "-inf", "(" + now.toEpochMilli());
            }
            p.sync();
        }
        if (unitSize != null && unitSize.get() < walkSize) {
            walkKey = key("cases:open:unit:" + filter.unit());
            walkSize = unitSize.get();
        }
        if (categorySize != null && categorySize.get() < walkSize) {
            walkKey = key("cases:open:category:" + filter.category());
            walkSize = categorySize.get();
        }
        if (overdueSize != null && overdueSize.get() < walkSize && overdueSize.get() <= LOAD_ALL_OVERDUE) {
            List<String> numbers = store.jedis().zrangeByScore(key("cases:due"), "-inf", "(" + now.toEpochMilli());
            return sortedLimited(load(numbers), filter, now);
        }
        return walk(walkKey, filter, now, filter.overdueOnly());
    }

    private List<CaseRecord> sortedLimited(List<CaseRecord> cases, CaseFilter filter, Instant now) {
        return cases.stream().filter(c -> matches(c, filter, now)).sorted(QUEUE_ORDER).limit(filter.limit())
                .toList();
    }

    /**
     * A view ordered by reply deadline, a page at a time. With {@code pastDue}, only the cases of the page whose
     * score in cases:due is before now are loaded (many cases are overdue, so the first ones come early).
     */
    private List<CaseRecord> walk(String view, CaseFilter filter, Instant now, boolean pastDue) {
        List<CaseRecord> out = new ArrayList<>();
        int page = 200;
        for (long start = 0; out.size() < filter.limit(); start += page) {
            List<String> numbers = store.jedis().zrange(view, start, start + page - 1);
            List<String> candidates = numbers;
            if (pastDue && !numbers.isEmpty()) {
                List<Double> due = store.jedis().zmscore(key("cases:due"), numbers.toArray(String[]::new));
                candidates = new ArrayList<>();
                for (int i = 0; i < numbers.size(); i++) {
                    if (due.get(i) != null && due.get(i) < now.toEpochMilli()) {
                        candidates.add(numbers.get(i));
                    }
                }
            }
            for (CaseRecord c : load(candidates)) {
                if (matches(c, filter, now) && out.size() < filter.limit()) {
                    out.add(c);
                }
            }
            if (numbers.size() < page) {
                break;
            }
        }
        return out;
    }

    /** The order of cases:open: reply deadline, then tracking number (as Redis orders equal scores). */
    private static final Comparator<CaseRecord> QUEUE_ORDER = Comparator
            .comparing(CaseRecord::replyDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseRecord::trackingNumber);

    private static final String VIEWS_MARKER = "cases:open:views";
    /** Up to this many overdue cases are loaded and sorted; more, and the ordered view is walked instead. */
    private static final long LOAD_ALL_OVERDUE = 2000;
    private volatile boolean viewsReady;

    /** Whether the views of the open queue are complete; builds them once if this Redis has none yet. */
    boolean viewsReady() {
        if (viewsReady) {
            return true;
        }
        if (store.jedis().exists(key(VIEWS_MARKER))) {
            viewsReady = true;
            return true;
        }
        buildViews();
        return viewsReady;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildViewsOnStart() {
        try {
            viewsReady();
        } catch (RuntimeException e) {
            log.warn("could not build the views of the open queue yet; the queue scans cases:open meanwhile", e);
        }
    }

    /**
     * Builds cases:open:unit:*, cases:open:category:* and cases:due for the cases stored before they existed: a
     * snapshot of cases:open, indexed in pages by reindex.lua (which skips cases no longer open). Cases opened or
     * changed meanwhile are indexed by open.lua and transition.lua themselves. Idempotent, so instances starting
     * together may both run it; the marker key is set once it is complete.
     */
    private synchronized void buildViews() {
        if (viewsReady || store.jedis().exists(key(VIEWS_MARKER))) {
            viewsReady = true;
            return;
        }
        List<String> all = store.jedis().zrange(key("cases:open"), 0, -1);
        int page = 500;
        for (int i = 0; i < all.size(); i += page) {
            List<String> args = new ArrayList<>();
            args.add(store.prefix());
            args.addAll(all.subList(i, Math.min(all.size(), i + page)));
            scripts.run("reindex", List.of(), args);
        }
        store.jedis().set(key(VIEWS_MARKER), "1");
        log.info("built the views of the open queue for {} open cases", all.size());
        viewsReady = true;
    }

    private static boolean matches(CaseRecord c, CaseFilter f, Instant now) {
        return (f.state() == null || c.state() == f.state()) && (f.unit() == null || f.unit().equals(c.unit()))
                && (f.category() == null || f.category().equals(c.category()))
                && (!f.overdueOnly() || c.overdue(now));
    }
}
