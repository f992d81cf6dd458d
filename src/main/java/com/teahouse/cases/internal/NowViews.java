package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.ScanParams;

/**
 * Builds the views {@link QueueNow} counts from ({@code cases:opened[:unit:<u>]}, {@code cases:due:unit:<u>},
 * {@code cases:supervised:open[:unit:<u>]}) for the cases on {@code cases:open}, with reindex.lua a page at a
 * time: once per deployment for cases stored before the views existed (marker {@value #MARKER}), and from scratch
 * (old views deleted first) by {@code reports rebuild}. open.lua and transition.lua keep them up to date after.
 */
@Component
class NowViews {

    private static final Logger log = LoggerFactory.getLogger(NowViews.class);
    static final String MARKER = "cases:now:views";
    private static final List<String> PATTERNS = List.of("cases:opened", "cases:opened:unit:*",
            "cases:due:unit:*", "cases:supervised:open", "cases:supervised:open:unit:*");

    private final RedisStore redis;
    private final CaseScripts scripts;
    private final WhenRedisUp whenRedisUp;

    NowViews(RedisStore redis, CaseScripts scripts, WhenRedisUp whenRedisUp) {
        this.redis = redis;
        this.scripts = scripts;
        this.whenRedisUp = whenRedisUp;
    }

    /** Started while Redis is down, the views are built as soon as it answers. */
    @EventListener(ApplicationReadyEvent.class)
    void buildOnStart() {
        try {
            whenRedisUp.run("the views of the reports' queue figures", () -> {
                if (!redis.jedis().exists(redis.key(MARKER))) {
                    index();
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not build the views of the reports' queue figures yet", e);
        }
    }

    /** Deletes the views and builds them again from the open cases (run with the hotline stopped). */
    void rebuild() {
        for (String pattern : PATTERNS) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(redis.key(pattern)).count(1000);
            do {
                var page = redis.jedis().scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    redis.jedis().del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        index();
    }

    private synchronized void index() {
        List<String> open = redis.jedis().zrange(redis.key("cases:open"), 0, -1);
        int page = 500;
        for (int i = 0; i < open.size(); i += page) {
            List<String> args = new ArrayList<>();
            args.add(redis.prefix());
            args.addAll(open.subList(i, Math.min(open.size(), i + page)));
            scripts.run("reindex", List.of(), args);
        }
        redis.jedis().set(redis.key(MARKER), "1");
        log.info("built the views of the reports' queue figures for {} open cases", open.size());
    }
}
