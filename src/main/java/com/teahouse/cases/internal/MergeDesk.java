package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * {@link CaseMerging}: merge and unmerge are one atomic transition each (transition.lua's merge block checks and
 * links the target in the same script); candidates are read from what {@link MergeCandidates} stored.
 */
@Component
class MergeDesk implements CaseMerging {

    private final CaseStore store;
    private final RedisStore redis;
    private final WorkCalendar calendar;
    private final CasesProperties props;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NoticeCodec notices;

    MergeDesk(CaseStore store, RedisStore redis, WorkCalendar calendar, CasesProperties props, Clock clock,
            ApplicationEventPublisher events, NoticeCodec notices) {
        this.notices = notices;
        this.store = store;
        this.redis = redis;
        this.calendar = calendar;
        this.props = props;
        this.clock = clock;
        this.events = events;
    }

    /** The candidates with their states and reasons: two round trips, whatever their number. */
    @Override
    public List<Similar> similarTo(String t) {
        List<Tuple> rows = redis.jedis().zrevrangeWithScores(redis.key("case:" + t + ":similar"), 0, 49);
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] numbers = rows.stream().map(Tuple::getElement).toArray(String[]::new);
        List<String> states = states(List.of(numbers));
        List<String> why = redis.jedis().hmget(redis.key("case:" + t + ":similar:why"), numbers);
        List<Similar> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (states.get(i) != null && MergeStates.mergeable(states.get(i))) {
                out.add(new Similar(numbers[i], rows.get(i).getScore(), reasons(why.get(i))));
            }
        }
        return out;
    }

    /** The best pairs whose both cases are open: three round trips, whatever the limit. */
    @Override
    public List<Pair> openPairs(int limit) {
        List<Tuple> rows = redis.jedis().zrevrangeWithScores(redis.key("cases:similar:pairs"), 0, limit * 4L);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> numbers = new ArrayList<>();
        rows.forEach(r -> numbers.addAll(List.of(r.getElement().split("\\|"))));
        List<String> states = states(numbers);
        List<String> why = redis.jedis().hmget(redis.key("cases:similar:why"),
                rows.stream().map(Tuple::getElement).toArray(String[]::new));
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && out.size() < limit; i++) {
            String a = states.get(2 * i);
            String b = states.get(2 * i + 1);
            if (a != null && b != null && MergeStates.mergeable(a) && MergeStates.mergeable(b)) {
                out.add(new Pair(numbers.get(2 * i), numbers.get(2 * i + 1), rows.get(i).getScore(),
                        reasons(why.get(i))));
            }
        }
        return out;
    }

    @Override
    public Outcome merge(String b, String into, Actor actor, boolean sameCategoryOnly) {
        Instant now = clock.instant();
        String category = sameCategoryOnly ? store.field(b, "category") : null;
        CaseChange change = CaseChange.from(MergeStates.MERGEABLE.toArray(CaseState[]::new)).to(CaseState.MERGED)
                .op(op()).set("mergedInto", into).clear("claimedBy", "claimedByName", "due")
                .dropItems(CaseTransitions.ALL_ITEMS).dropItems("dispatch").ended()
                .mergeWith(into, true, MergeStates.IDS, category, "merge-in").event("merge", actor, now, into);
        return run(b, change, new CaseEvent.CaseMerged(b, into, actor));
    }

    @Override
    public Outcome unmerge(String b, Actor actor) {
        String into = store.field(b, "mergedInto");
        if (into == null || into.isEmpty()) {
            return new Outcome(false, Problem.WRONG_STATE, null, null);
        }
        Instant now = clock.instant();
        Instant claimDue = calendar.plusWorkingTime(now, Duration.ofHours(props.claimHours()));
        Instant replyDue = CaseCodec.instant(store.field(b, "replyDue"));
        if (replyDue == null || replyDue.isBefore(claimDue)) {
            replyDue = claimDue;
        }
        CaseChange change = CaseChange.from(CaseState.MERGED).to(CaseState.DISPATCHED).op(op())
                .clear("mergedInto").set("claimDue", claimDue).set("due", claimDue).set("replyDue", replyDue)
                .item("claim-due", claimDue).item("reply-due", replyDue).openUntil(replyDue)
                .mergeWith(into, false, MergeStates.UNMERGE_FROM, null, "unmerge-out")
                .event("unmerge", actor, now, into);
        return run(b, change, new CaseEvent.CaseUnmerged(b, into, actor));
    }

    @Override
    public Outcome dismiss(String t, String other, Actor actor) {
        try (var tx = redis.jedis().multi()) {
            tx.zrem(redis.key("case:" + t + ":similar"), other);
            tx.zrem(redis.key("case:" + other + ":similar"), t);
            tx.zrem(redis.key("cases:similar:pairs"), MergeStates.pair(t, other));
            tx.exec();
        }
        Instant now = clock.instant();
        store.apply(other, CaseChange.fromAny().event("similar-dismiss", actor, now, t));
        return run(t, CaseChange.fromAny().event("similar-dismiss", actor, now, other),
                new CaseEvent.CaseNoted(t, actor, null));
    }

    @Override
    public Optional<String> mergedInto(String t) {
        return Optional.ofNullable(store.field(t, "mergedInto")).filter(s -> !s.isEmpty());
    }

    @Override
    public List<String> group(String a) {
        return redis.jedis().smembers(redis.key("case:" + a + ":merged")).stream().sorted().toList();
    }

    private List<String> states(List<String> numbers) {
        List<Response<String>> rs = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            numbers.forEach(n -> rs.add(p.hget(redis.key("case:" + n), "state")));
            p.sync();
        }
        return rs.stream().map(Response::get).toList();
    }

    private static List<String> reasons(String why) {
        return why == null || why.isEmpty() ? List.of() : Arrays.asList(why.split(","));
    }

    private static String op() {
        return "merge:" + UUID.randomUUID();
    }

    /** Applies the change with its notice (CaseNotices delivers it), then publishes the event in this instance. */
    private Outcome run(String t, CaseChange change, CaseEvent event) {
        change.notice = notices.write(List.of(event)); // [merge notices] told through the notices stream
        CaseStore.Applied applied = store.apply(t, change);
        return switch (applied.outcome()) {
            case "ok" -> {
                events.publishEvent(event);
                yield new Outcome(true, Problem.NONE,
                        change.to.isEmpty() ? applied.before() : CaseState.of(change.to), applied.holder());
            }
            case "unknown" -> Outcome.unknown();
            default -> new Outcome(false, Problem.WRONG_STATE, applied.before(), applied.holder());
        };
    }
}
