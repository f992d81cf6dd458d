package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.store.RedisLease;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private static final long LEASE_MILLIS = 10_000;

    private final RedisStore redis;
    private final NoticeCodec codec;
    private final List<CaseNoticeTarget> targets;
    private final Outbox outbox;
    private final RedisLease lease;
    private volatile boolean running;
    private Thread thread;

    CaseNotices(RedisStore redis, NoticeCodec codec, List<CaseNoticeTarget> targets, Outbox outbox) {
        this.redis = redis;
        this.codec = codec;
        this.targets = targets;
        this.outbox = outbox;
        this.lease = new RedisLease(redis, UUID.randomUUID().toString());
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
        if (!lease.hold(redis.key("lease:case-notices"), LEASE_MILLIS)) {
            return -1;
        }
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
        running = true;
        thread = new Thread(this::loop, "case-notices");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                if (deliverOnce(1000) < 0) {
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Delivering case notices failed ({}); retrying", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        try {
            lease.release(redis.key("lease:case-notices"));
        } catch (RuntimeException e) {
            log.debug("Notice lease not released: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
