package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link CaseWork}: the staff's side, a thin layer over {@link Workflow} and {@link CaseStore}. */
@Component
class StaffDesk implements CaseWork {

    private final CaseStore store;
    private final CaseEventLog events;
    private final OpenQueue queue;
    private final Workflow workflow;
    private final Catalogue catalogue;
    private final RedisStore redis;
    private final Clock clock;
    private final CaseScripts scripts;

    StaffDesk(CaseStore store, CaseEventLog events, OpenQueue queue, Workflow workflow, Catalogue catalogue,
            RedisStore redis, Clock clock, CaseScripts scripts) {
        this.scripts = scripts;
        this.store = store;
        this.events = events;
        this.queue = queue;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Optional<CaseRecord> get(String trackingNumber) {
        return trackingNumber == null ? Optional.empty() : store.get(trackingNumber.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public List<CaseHistoryEntry> history(String trackingNumber) {
        return events.history(trackingNumber);
    }

    @Override
    public List<CaseRecord> queue(CaseFilter filter) {
        return queue.queue(filter, clock.instant());
    }

    @Override
    public Outcome claim(String t, Actor actor, String opId) {
        return workflow.claim(t, actor, opId);
    }

    @Override
    public Outcome resolve(String t, Actor actor, String reply, String opId, boolean onBehalfOfHolder) {
        return workflow.resolve(t, actor, reply, opId, onBehalfOfHolder);
    }

    @Override
    public Outcome transfer(String t, Actor actor, String unit, String opId) {
        return workflow.route(t, actor, unit, "transfer", true, opId);
    }

    @Override
    public Outcome giveBack(String t, Actor actor, String reason, String opId) {
        return workflow.giveBack(t, actor, reason, opId);
    }

    @Override
    public Outcome reroute(String t, Actor actor, String unit, String opId) {
        return workflow.route(t, actor, unit, "reroute", false, opId);
    }

    @Override
    public Outcome decline(String t, Actor actor, DeclineRoute route, String reason, String opId,
            boolean asSupervisor) {
        return workflow.decline(t, actor, route, reason, opId, asSupervisor);
    }

    @Override
    public Outcome extend(String t, Actor actor, int workingDays, String explanation, String opId) {
        return workflow.extend(t, actor, workingDays, explanation, opId);
    }

    @Override
    public Outcome note(String t, Actor actor, String text, String opId) {
        return workflow.note(t, actor, text, opId);
    }

    @Override
    public Outcome said(String t, Actor actor, String text, String opId, boolean onBehalfOfHolder) {
        return workflow.said(t, actor, text, opId, onBehalfOfHolder);
    }

    @Override
    public Outcome contactShown(String t, Actor actor, String reason, String opId) {
        return workflow.contactShown(t, actor, reason, opId);
    }

    @Override
    public long renameHolders(Map<String, String> formerToNew) {
        if (formerToNew.isEmpty()) {
            return 0;
        }
        Object n = scripts.run("rename-holders", List.of(), List.of(redis.prefix(), CaseCodec.json(formerToNew)));
        return n == null ? 0 : ((Number) n).longValue();
    }

    @Override
    public void topicOpened(String t, Address topic) {
        try (var tx = redis.jedis().multi()) {
            tx.hset(redis.key("case:" + t), Map.of("topicChannel", topic.channel(), "topicChat", topic.chat(),
                    "topicThread", topic.thread()));
            tx.set(redis.key("case:by-topic:" + topic.channel() + ":" + topic.chat() + ":" + topic.thread()), t);
            tx.exec();
        }
    }

    @Override
    public Optional<String> caseOfTopic(Address topic) {
        if (topic.thread() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.jedis().get(redis.key("case:by-topic:" + topic.channel() + ":"
                + topic.chat() + ":" + topic.thread())));
    }

    @Override
    public void cardPosted(String t, String messageRef) {
        store.setField(t, "card", messageRef);
    }

    @Override
    public Optional<String> cardOf(String t) {
        return Optional.ofNullable(store.field(t, "card"));
    }

    @Override
    public List<String> units() {
        return catalogue.unitIds();
    }

    @Override
    public String unitName(String unit, String language) {
        return catalogue.unitName(unit, language);
    }

    @Override
    public String categoryName(String category, String language) {
        return catalogue.categoryName(category, language);
    }
}
