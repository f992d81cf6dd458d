package com.teahouse.channel.web.internal;

import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.JedisPubSub;

/**
 * Pushes new transcript lines to the pages open in this instance. Redis pub/sub says which chat changed (the
 * reply may have been delivered by another instance); each page then reads what it has not seen yet, so a
 * missed notification only delays a line until the next one or the page's reconnect.
 */
@Component
class WebNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebNotifier.class);

    private final RedisStore store;
    private final WebTranscript transcript;
    private final Map<String, List<Follower>> followers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile JedisPubSub subscription;

    WebNotifier(RedisStore store, WebTranscript transcript) {
        this.store = store;
        this.transcript = transcript;
    }

    void follow(String session, SseEmitter emitter, String lastSeen) {
        Follower follower = new Follower(emitter, lastSeen);
        followers.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(follower);
        Runnable remove = () -> followers.getOrDefault(session, List.of()).remove(follower);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        push(session, follower);
    }

    private void changed(String session) {
        followers.getOrDefault(session, List.of()).forEach(f -> push(session, f));
    }

    /**
     * Never throws: this runs inside the Redis subscription's callback, and an exception escaping it would end
     * the subscription with its connection still in subscriber mode.
     */
    private void push(String session, Follower follower) {
        synchronized (follower) {
            List<TranscriptLine> lines;
            try {
                lines = transcript.after(session, follower.lastSeen);
            } catch (RuntimeException e) {
                log.warn("Could not read a web transcript: {}", e.getMessage());
                return;
            }
            try {
                for (TranscriptLine line : lines) {
                    follower.emitter.send(SseEmitter.event().id(line.id()).name("line").data(line));
                    follower.lastSeen = line.id();
                }
            } catch (IOException | RuntimeException e) {
                // the page went away (reload, closed tab): forget it; it reconnects with Last-Event-ID if alive
                followers.getOrDefault(session, List.of()).remove(follower);
                try {
                    follower.emitter.completeWithError(e);
                } catch (RuntimeException alreadyDone) {
                    log.debug("SSE emitter already finished: {}", alreadyDone.getMessage());
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "web-notify");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try {
                subscription = new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String session) {
                        try {
                            changed(session);
                        } catch (RuntimeException e) {
                            log.warn("Web notification for a chat failed: {}", e.getMessage());
                        }
                    }
                };
                store.jedis().subscribe(subscription, store.key(WebTranscript.NOTIFY_CHANNEL));
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Web notifications interrupted ({}); resubscribing", e.getMessage());
                    sleep();
                    followers.keySet().forEach(this::changed);
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (subscription != null && subscription.isSubscribed()) {
                subscription.unsubscribe();
            }
        } catch (RuntimeException e) {
            log.debug("unsubscribe: {}", e.getMessage());
        }
        followers.values().forEach(list -> list.forEach(f -> f.emitter.complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Follower {
        final SseEmitter emitter;
        String lastSeen;

        Follower(SseEmitter emitter, String lastSeen) {
            this.emitter = emitter;
            this.lastSeen = lastSeen;
        }
    }
}
