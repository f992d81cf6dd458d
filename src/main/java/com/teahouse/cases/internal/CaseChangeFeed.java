package com.teahouse.cases.internal;

import com.teahouse.cases.CaseChanged;
import com.teahouse.cases.CaseEvent;
import com.teahouse.store.RedisStore;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Every instance follows the notices stream (a plain read, no group: each instance sees every entry) from where
 * it was when it started, and publishes a {@link CaseChanged} in this instance for each event, so live views (the
 * console) see changes made on any instance.
 */
@Component
class CaseChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseChangeFeed.class);

    private final RedisStore redis;
    private final NoticeCodec codec;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private StreamEntryID last;
    private Thread thread;

    CaseChangeFeed(RedisStore redis, NoticeCodec codec, ApplicationEventPublisher events) {
        this.redis = redis;
        this.codec = codec;
        this.events = events;
    }

    private String stream() {
        return redis.key("cases:notices");
    }

    /** Publishes what was appended since the last call, waiting up to {@code blockMillis}; returns how many. */
    int followOnce(int blockMillis) {
        if (last == null) {
            List<StreamEntry> newest = redis.jedis().xrevrange(stream(), "+", "-", 1);
            last = newest.isEmpty() ? new StreamEntryID(0, 0) : newest.get(0).getID();
        }
        var read = redis.jedis().xread(XReadParams.xReadParams().count(200).block(blockMillis),
                Map.of(stream(), last));
        if (read == null || read.isEmpty()) {
            return 0;
        }
        List<StreamEntry> entries = read.get(0).getValue();
        for (StreamEntry entry : entries) {
            last = entry.getID();
            try {
                for (CaseEvent event : codec.read(entry.getFields().get("events"))) {
                    events.publishEvent(new CaseChanged(event.trackingNumber(), event));
                }
            } catch (RuntimeException e) {
                log.warn("Case change {} not shown live: {}", entry.getID(), e.toString());
            }
        }
        return entries.size();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "case-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                followOnce(1000);
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Following case changes failed ({}); retrying", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
