package com.teahouse.cases.internal;

import com.teahouse.cases.CaseLedger;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.LedgerCase;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads {@code cases:all} (scored by opening time) a page at a time: per page one pipeline of the case hashes and
 * one of their event logs, so a ledger of any length costs memory for one page only.
 */
@Component
class LedgerScan implements CaseLedger {

    static final int PAGE = 500;

    private final RedisStore store;
    private final CaseStore cases;

    LedgerScan(RedisStore store, CaseStore cases) {
        this.store = store;
        this.cases = cases;
    }

    @Override
    public long openedBetween(Instant from, Instant to, String unit, Consumer<LedgerCase> each) {
        String all = store.key("cases:all");
        String max = "(" + to.toEpochMilli();
        long complaints = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<String> numbers = store.jedis().zrangeByScore(all, Long.toString(from.toEpochMilli()), max, offset,
                    PAGE);
            List<CaseRecord> mine = cases.load(numbers).stream()
                    .filter(c -> unit == null || unit.equals(c.unit())).toList();
            complaints += mine.size();
            // a merged case is a complainant of its group's problem, not a problem of its own: in state merged,
            // and also once the group's reply, decline or closing has moved it on (it keeps mergedInto until an
            // unmerge)
            List<CaseRecord> page = mine.stream().filter(c -> c.state() != CaseState.MERGED).toList();
            List<Response<String>> into = new ArrayList<>();
            List<Response<List<StreamEntry>>> logs = new ArrayList<>();
            List<Response<Set<String>>> groups = new ArrayList<>();
            try (var p = store.jedis().pipelined()) {
                for (CaseRecord c : page) {
                    into.add(p.hget(store.key("case:" + c.trackingNumber()), "mergedInto"));
                    logs.add(p.xrange(store.key("case:" + c.trackingNumber() + ":events"), (StreamEntryID) null,
                            (StreamEntryID) null));
                    groups.add(p.smembers(store.key("case:" + c.trackingNumber() + ":merged")));
                }
                p.sync();
            }
            for (int i = 0; i < page.size(); i++) {
                String group = into.get(i).get();
                if (group == null || group.isEmpty()) {
                    each.accept(milestones(page.get(i), logs.get(i).get(), groups.get(i).get()));
                }
            }
            if (numbers.size() < PAGE) {
                return complaints;
            }
        }
    }

    /** What the event log says: see {@link Workflow} for the event types and the "days: reason" of extend. */
    static LedgerCase milestones(CaseRecord c, List<StreamEntry> log, Set<String> merged) {
        Instant claimed = null;
        Instant replied = null;
        Instant closed = null;
        int extensions = 0;
        int days = 0;
        int reopenings = 0;
        for (StreamEntry e : log) {
            Map<String, String> f = e.getFields();
            Instant at = CaseCodec.instant(f.get("at"));
            String type = f.getOrDefault("type", "");
            String to = f.getOrDefault("to", "");
            switch (type) {
                case "claim" -> claimed = claimed == null ? at : claimed;
                case "resolve" -> replied = at;
                case "extend" -> {
                    extensions++;
                    days += leadingNumber(f.get("note"));
                }
                default -> { }
            }
            if (("closed".equals(to) || "declined".equals(to)) && !to.equals(f.get("from"))) {
                closed = at;
            }
            if ("reopened".equals(to) && !to.equals(f.get("from"))) {
                // a new round: its reply and ending are still to come
                reopenings++;
                replied = null;
                closed = null;
            }
        }
        return new LedgerCase(c, claimed, replied, closed, extensions, days, reopenings,
                merged.stream().sorted().toList());
    }

    private static int leadingNumber(String note) {
        if (note == null) {
            return 0;
        }
        int colon = note.indexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(note.substring(0, colon).strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
