package com.teahouse.channel.web.internal;

import com.teahouse.store.RedisStore;
import com.teahouse.limits.LiveStreams;
import com.teahouse.limits.StreamGroup;
import com.teahouse.limits.StreamGroup.Stream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.JedisPubSub;

/**
 * Pushes new transcript lines to the pages open in this instance. Redis pub/sub says which chat changed (the
 * reply may have been delivered by another instance); each page then reads what it has not seen yet, so a
 * missed notification only delays a line until the next one or the page's reconnect. The streams themselves
 * (at most a few per chat, a timeout, the heartbeat) are kept by {@link LiveStreams}.
 */
@Component
class WebNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebNotifier.class);

    private final RedisStore store;
    private final WebTranscript transcript;
    private final StreamGroup<Follower> followers;
    private volatile boolean running;
    private volatile JedisPubSub subscription;

    WebNotifier(RedisStore store, WebTranscript transcript, LiveStreams streams) {
        this.store = store;
        this.transcript = transcript;
        this.followers = streams.group("web chat");
    }

    /** Empty when the client address holds as many live streams as it may. */
    Optional<SseEmitter> follow(String session, String address, String lastSeen) {
        return followers.open(session, address, new Follower(lastSeen)).map(stream -> {
            push(stream);
            return followers.emitter(stream);
        });
    }

    /** The chat was ended on its device: its pages stop receiving at once. */
    void forget(String session) {
        followers.closeOwner(session);
    }

    int streams() {
        return followers.size();
    }

    int chats() {
        return followers.owners();
    }

    private void changed(String session) {
        followers.of(session).forEach(this::push);
    }

    /**
     * Never throws: this runs inside the Redis subscription's callback, and an exception escaping it would end
     * the subscription with its connection still in subscriber mode.
     */
    private void push(Stream<Follower> stream) {
        Follower follower = stream.state();
        synchronized (follower) {
            List<TranscriptLine> lines;
            try {
                lines = transcript.after(stream.owner(), follower.lastSeen);
            } catch (RuntimeException e) {
                log.warn("Could not read a web transcript: {}", e.getMessage());
                return;
            }
            for (TranscriptLine line : lines) {
                // a page that went away is forgotten; it reconnects with Last-Event-ID if it is alive
                if (!followers.send(stream, SseEmitter.event().id(line.id()).name("line").data(line))) {
                    return;
                }
                follower.lastSeen = line.id();
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
                    followers.all().forEach(this::push);
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
        followers.closeIf(s -> true);
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

    /** What one page has seen so far. */
    static final class Follower {
        String lastSeen;

        Follower(String lastSeen) {
            this.lastSeen = lastSeen;
        }
    }
}
