package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import com.teahouse.store.RetentionTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The cases' share of retention: anonymises ended cases whose period is over (anonymise.lua, one case at a time,
 * atomically), taking them from {@code cases:ended}, which transition.lua keeps. Cases that ended before that
 * index existed are added to it first, a page per sweep, with the time of their last event as the end.
 */
@Component
class CaseAnonymiser implements RetentionTask {

    private static final String BUILT = "cases:ended:built";
    private static final String CURSORS = "retention:cases-ended-cursor";
    private static final List<String> ENDED_STATES = List.of("closed", "declined");

    private final RedisStore redis;
    private final CaseScripts scripts;
    private final CaseRetention retention;
    private final CasesProperties props;

    CaseAnonymiser(RedisStore redis, CaseScripts scripts, CaseRetention retention, CasesProperties props) {
        this.redis = redis;
        this.scripts = scripts;
        this.retention = retention;
        this.props = props;
    }

    @Override
    public String name() {
        return "cases";
    }

    @Override
    public int sweep(Instant now, int budget) {
        if (!redis.jedis().exists(redis.key(BUILT))) {
            backfill(budget);
        }
        Instant cutoff = now.atZone(props.zone()).minus(retention.anonymiseAfter()).toInstant();
        List<String> due = redis.jedis().zrangeByScore(redis.key("cases:ended"), 0, cutoff.toEpochMilli(), 0,
                budget);
        int done = 0;
        for (String tracking : due) {
            Object outcome = scripts.run("anonymise", List.of(), List.of(redis.prefix(), tracking,
                    Long.toString(cutoff.toEpochMilli()), Long.toString(now.toEpochMilli())));
            if ("anonymised".equals(outcome)) {
                done++;
            }
        }
        return done;
    }

    /** One SSCAN page of each ended state into cases:ended (ZADD NX: an end transition.lua wrote wins). */
    private void backfill(int budget) {
        boolean finished = true;
        for (String state : ENDED_STATES) {
            String cursor = redis.jedis().hget(redis.key(CURSORS), state);
            if ("done".equals(cursor)) {
                continue;
            }
            var page = redis.jedis().sscan(redis.key("cases:by-state:" + state),
                    cursor == null ? ScanParams.SCAN_POINTER_START : cursor, new ScanParams().count(budget));
            index(page.getResult());
            boolean last = ScanParams.SCAN_POINTER_START.equals(page.getCursor());
            redis.jedis().hset(redis.key(CURSORS), state, last ? "done" : page.getCursor());
            finished &= last;
        }
        if (finished) {
            redis.jedis().set(redis.key(BUILT), "1");
            redis.jedis().del(redis.key(CURSORS));
        }
    }

    private void index(List<String> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        List<Response<List<StreamEntry>>> last = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (String n : numbers) {
                last.add(p.xrevrange(redis.key("case:" + n + ":events"), (StreamEntryID) null, (StreamEntryID) null,
                        1));
            }
            p.sync();
        }
        try (var p = redis.jedis().pipelined()) {
            for (int i = 0; i < numbers.size(); i++) {
                List<StreamEntry> entries = last.get(i).get();
                long at = entries.isEmpty() ? 0 : endedAt(entries.get(0));
                p.zadd(redis.key("cases:ended"), at, numbers.get(i), ZAddParams.zAddParams().nx());
            }
            p.sync();
        }
    }

    private static long endedAt(StreamEntry event) {
        Map<String, String> f = event.getFields();
        try {
            return Long.parseLong(f.getOrDefault("at", ""));
        } catch (NumberFormatException e) {
            return event.getID().getTime();
        }
    }
}
