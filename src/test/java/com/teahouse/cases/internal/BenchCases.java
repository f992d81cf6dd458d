package com.teahouse.cases.internal;

import com.teahouse.cases.CaseRequest;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Many open cases written straight into Redis for the benches, in pipelined batches: the case hash as
 * {@link CaseCodec#fields} makes it (what the read paths decode), in state {@code dispatched}, and the indexes
 * open.lua keeps that the console and the 并单 index read (cases:open, cases:open:unit, cases:open:category,
 * cases:all, cases:due, cases:by-unit). Opening 100,000 cases through the desk takes too long on a loaded machine;
 * the event log, the work items and the report counters an opening also writes are not read by what is measured.
 */
public final class BenchCases {

    /** One case to store: its request, the category's unit, when it opened and when its reply is due. */
    public record Bench(String tracking, CaseRequest request, String category, String unit, Instant opened,
            Instant due) {
    }

    private BenchCases() {
    }

    /** A well-formed number of that day (yyMMdd) and sequence, as TrackingNumbers makes them. */
    public static String tracking(String day, long seq) {
        return TrackingNumbers.format("QY", day, seq);
    }

    public static void store(RedisStore redis, List<Bench> cases) {
        try (var p = redis.jedis().pipelined()) {
            for (Bench c : cases) {
                Map<String, String> f = CaseCodec.fields(c.tracking(), c.request(), c.category(), c.unit(),
                        c.opened(), c.due());
                f.put("state", "dispatched");
                String t = c.tracking();
                double due = c.due().toEpochMilli();
                p.hset(redis.key("case:" + t), f);
                p.sadd(redis.key("cases:by-state:dispatched"), t);
                p.sadd(redis.key("cases:by-unit:" + c.unit()), t);
                p.zadd(redis.key("cases:open"), due, t);
                p.zadd(redis.key("cases:open:unit:" + c.unit()), due, t);
                p.zadd(redis.key("cases:open:category:" + c.category()), due, t);
                p.zadd(redis.key("cases:due"), due, t);
                p.zadd(redis.key("cases:all"), c.opened().toEpochMilli(), t);
            }
            p.sync();
        }
    }
}
