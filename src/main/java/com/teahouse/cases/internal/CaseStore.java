package com.teahouse.cases.internal;

import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The cases in Redis: {@code case:<t>} hashes, {@code case:<t>:events} streams (never trimmed), indexes
 * {@code cases:by-state:<s>}, {@code cases:by-unit:<u>} (sets), {@code cases:by-owner:<chat>}, {@code cases:all}
 * (by opening time), {@code cases:open} (by reply deadline) with its views {@code cases:open:unit:<u>},
 * {@code cases:open:category:<c>} (same score) and {@code cases:due} (by the current deadline, field due),
 * {@code cases:supervised}, and the work items of {@code cases:deadlines}. Every write goes through a Lua script, so each change is all-or-nothing.
 */
@Component
class CaseStore {

    /** The outcome of transition.lua. */
    record Applied(String outcome, CaseState before, String holder) {
        boolean ok() {
            return "ok".equals(outcome);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CaseStore.class);

    private final RedisStore store;
    private final CaseScripts scripts;
    private final CaseTally tally;

    CaseStore(RedisStore store, CaseScripts scripts, CaseTally tally) {
        this.store = store;
        this.scripts = scripts;
        this.tally = tally;
    }

    String key(String suffix) {
        return store.key(suffix);
    }

    /** The case of this submission, if one was opened already. */
    Optional<String> bySubmission(String submissionId) {
        return Optional.ofNullable(store.jedis().get(key("case:by-submission:" + submissionId)));
    }

    /** Returns the number of the case stored for this submission: the new one, or the one stored before. */
    String open(String tracking, Map<String, String> fields, String submissionId, String unit, Address owner,
            Instant opened, Instant replyDue) {
        List<String> keys = List.of(key("case:by-submission:" + submissionId), key("case:" + tracking),
                key("case:" + tracking + ":events"), key("cases:by-state:" + CaseState.NEW.id()),
                key("cases:by-unit:" + unit), key("cases:by-owner:" + CaseCodec.ownerKey(owner)),
                key("cases:open"), key("cases:deadlines"), key("cases:all"), key("cases:open:unit:" + unit),
                key("cases:open:category:" + fields.get("category")), key("cases:due"));
        return (String) scripts.run("open", keys, List.of(tracking, Long.toString(opened.toEpochMilli()),
                Long.toString(replyDue.toEpochMilli()), CaseCodec.json(fields),
                CaseCodec.json(tally.opened(fields, opened)), store.prefix()));
    }

    @SuppressWarnings("unchecked")
    Applied apply(String tracking, CaseChange change) {
        List<Object> r = (List<Object>) scripts.run("transition", List.of(),
                List.of(store.prefix(), tracking, CaseCodec.json(change.toMap())));
        String before = (String) r.get(1);
        return new Applied((String) r.get(0), before.isEmpty() ? null : CaseState.of(before), (String) r.get(2));
    }

    Optional<CaseRecord> get(String tracking) {
        Map<String, String> h = store.jedis().hgetAll(key("case:" + tracking));
        return h.isEmpty() ? Optional.empty() : Optional.of(CaseCodec.record(h));
    }

    String field(String tracking, String field) {
        return store.jedis().hget(key("case:" + tracking), field);
    }

    void setField(String tracking, String field, String value) {
        store.jedis().hset(key("case:" + tracking), field, value);
    }

    List<CaseHistoryEntry> history(String tracking) {
        List<CaseHistoryEntry> out = new ArrayList<>();
        StreamEntryID after = new StreamEntryID(0, 0);
        while (true) {
            List<StreamEntry> page = store.jedis().xrange(key("case:" + tracking + ":events"),
                    new StreamEntryID(after.getTime(), after.getSequence() + 1), (StreamEntryID) null, 500);
            for (StreamEntry e : page) {
                Map<String, String> f = e.getFields();
                out.add(new CaseHistoryEntry(e.getID().toString(), f.get("type"), f.get("who"), f.get("whoName"),
                        CaseCodec.instant(f.get("at")), f.get("from"), f.get("to"), f.get("note")));
            }
            if (page.size() < 500) {
                return out;
            }
            after = page.get(page.size() - 1).getID();
        }
    }

    // [merge]
    /** The latest entry of a case's event log (what a listener of its last change needs), or null. */
    CaseHistoryEntry lastEvent(String tracking) {
        List<StreamEntry> last = store.jedis().xrevrange(key("case:" + tracking + ":events"), (StreamEntryID) null,
                (StreamEntryID) null, 1);
        if (last.isEmpty()) {
            return null;
        }
        Map<String, String> f = last.get(0).getFields();
        return new CaseHistoryEntry(last.get(0).getID().toString(), f.get("type"), f.get("who"), f.get("whoName"),
                CaseCodec.instant(f.get("at")), f.get("from"), f.get("to"), f.get("note"));
    }
    // [/merge]

    /** The owner's cases, newest first. */
    List<CaseRecord> ofOwner(Address owner, int limit) {
        List<String> numbers = store.jedis().zrevrange(key("cases:by-owner:" + CaseCodec.ownerKey(owner)), 0,
                limit - 1);
        return load(numbers);
    }

    /**
     * The case staff hold of the owner's chat and its topic, where the chat is relayed; one round trip
     * (takeover.lua).
     */
    @SuppressWarnings("unchecked")
    Optional<com.teahouse.cases.CaseDesk.Takeover> takeover(Address owner) {
        List<String> r = (List<String>) scripts.run("takeover",
                List.of(key("cases:by-owner:" + CaseCodec.ownerKey(owner))), List.of(store.prefix()));
        if (r == null || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new com.teahouse.cases.CaseDesk.Takeover(r.get(3),
                new Address(r.get(0), r.get(1), r.get(2).isEmpty() ? null : r.get(2))));
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

    List<CaseRecord> load(List<String> numbers) {
        List<Response<Map<String, String>>> responses = new ArrayList<>();
        try (var p = store.jedis().pipelined()) {
            for (String n : numbers) {
                responses.add(p.hgetAll(key("case:" + n)));
            }
            p.sync();
        }
        List<CaseRecord> out = new ArrayList<>();
        for (var r : responses) {
            if (!r.get().isEmpty()) {
                out.add(CaseCodec.record(r.get()));
            }
        }
        return out;
    }
}
