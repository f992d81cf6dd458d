package com.teahouse.cases.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;

/**
 * The cases in Redis: {@code case:<t>} hashes and the indexes open.lua and transition.lua keep with them
 * ({@code cases:by-state:<s>}, {@code cases:by-unit:<u>}, {@code cases:by-owner:<chat>}, {@code cases:all},
 * {@code cases:open} and its views, {@code cases:deadlines}). Every write goes through a Lua script, so each
 * change is all-or-nothing. Reading the open queue is {@link OpenQueue}'s; the event log is {@link CaseEventLog}'s.
 */
@Component
class CaseStore {

    /** The outcome of transition.lua. */
    record Applied(String outcome, CaseState before, String holder) {
        boolean ok() {
            return "ok".equals(outcome);
        }
    }

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
