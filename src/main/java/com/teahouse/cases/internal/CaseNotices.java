package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.store.LeaseLoop;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Delivers the notices stream {@code cases:notices} (appended by transition.lua with each change) to every
 * {@link CaseNoticeTarget}, through the consumer group {@code deliver}. One instance at a time delivers, under the
 * lease {@code lease:case-notices}, in stream order, as the single consumer {@code deliverer}: whoever holds the
 * lease next starts with the entries its predecessor left unacknowledged. Each target's messages for an entry are
 * posted together with the marker {@code notice-sent:<entry>:<target>} ({@link Outbox#postOnce}), and the entry
 * is acknowledged after all targets: a crash anywhere in between repeats the entry and posts nothing twice.
 */
@Component
class CaseNotices implements SmartLifecycle {

    static final String GROUP = "deliver";
    static final String CONSUMER = "deliverer";
    private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);
    private static final Duration REMEMBER = Duration.ofDays(7);

    private final RedisStore redis;
    private final NoticeCodec codec;
    private final List<CaseNoticeTarget> targets;
    private final Outbox outbox;
    private final LeaseLoop loop;
    private final MergeFollowers followers;

    CaseNotices(RedisStore redis, NoticeCodec codec, List<CaseNoticeTarget> targets, Outbox outbox,
            MergeFollowers followers) {
        this.followers = followers;
        this.redis = redis;
        this.codec = codec;
        this.targets = targets;
        this.outbox = outbox;
        this.loop = new LeaseLoop(redis, "case-notices", Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    String stream() {
        return redis.key("cases:notices");
    }

    /**
     * One round, if this instance holds the lease: the entries left pending (by a predecessor that died, or by
     * this instance after a Redis failure), else the new ones, waiting up to {@code blockMillis} for some.
     * Returns how many entries were delivered; -1 without the lease.
     */
    int deliverOnce(long blockMillis) {
        return loop.hold() ? deliver(blockMillis) : -1;
    }

    /** One round under the lease (see {@link #deliverOnce}). */
    private int deliver(long blockMillis) {
        ensureGroup();
        List<StreamEntry> batch = read(new StreamEntryID(0, 0), 0);
        if (batch.isEmpty()) {
            batch = read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, blockMillis);
        }
        batch.forEach(this::deliver);
        return batch.size();
    }

    private List<StreamEntry> read(StreamEntryID from, long blockMillis) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(50);
        if (blockMillis > 0) {
            params.block((int) blockMillis);
        }
        var read = redis.jedis().xreadGroup(GROUP, CONSUMER, params, Map.of(stream(), from));
        return read == null || read.isEmpty() ? List.of() : read.get(0).getValue();
    }

    private void deliver(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        List<CaseEvent> events;
        try {
            events = fields == null ? List.of() : codec.read(fields.get("events"));
        } catch (IllegalArgumentException e) {
            log.error("Notice {} is unreadable and is set aside: {}", entry.getID(), e.getMessage());
            events = List.of();
        }
        follow(entry, events);
        for (CaseNoticeTarget target : targets) {
            List<Outbound> out = new ArrayList<>();
            try {
                events.forEach(event -> out.addAll(target.notices(event)));
            } catch (JedisException e) {
                throw e;
            } catch (RuntimeException e) {
                // a target's bug must not hold up every later notice; the others still get this one
                log.error("Notice {} could not be made for {}; skipped", entry.getID(), target.name(), e);
                continue;
            }
            if (!out.isEmpty()) {
                outbox.postOnce("notice-sent:" + entry.getID() + ":" + target.name(), REMEMBER, out);
            }
        }
        redis.jedis().xack(stream(), GROUP, entry.getID());
    }

    /**
     * The changes that follow this one (并单: A's group follows A), made before the entry is acknowledged, so a
     * crash repeats them rather than losing them; each is refused the second time ({@link MergeFollowers}).
     */
    private void follow(StreamEntry entry, List<CaseEvent> events) {
        try {
            followers.follow(entry.getID().toString(), events);
        } catch (JedisException e) {
            throw e; // Redis failed: the entry stays pending and is repeated
        } catch (RuntimeException e) {
            log.error("Notice {}: the merged cases could not follow; skipped", entry.getID(), e);
        }
    }

    private void ensureGroup() {
        try {
            redis.jedis().xgroupCreate(stream(), GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public void start() {
        loop.start(() -> deliver(1000) >= 0);
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(2)); // the entry in flight finishes, or the next holder repeats it
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }
}
