package com.teahouse.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where every live event stream (SSE) of this instance is registered, whatever page it serves: each stream has a
 * timeout (the page reconnects), an owner may hold only so many (opening one more closes the oldest), a client
 * address only so many in all (one more is refused: closing another's would let one address evict a neighbour
 * behind the same proxy), and a heartbeat writes to every stream so that a peer that went away is found and its
 * connection released.
 */
@Component
public class LiveStreams implements DisposableBean, SmartLifecycle {

    private final LimitsProperties limits;
    private final List<StreamGroup<?>> groups = new CopyOnWriteArrayList<>();
    private final StreamAddresses addresses;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveStreams(LimitsProperties limits) {
        this.limits = limits;
        this.addresses = new StreamAddresses(limits.streamsPerAddress());
        long every = limits.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** A new group of streams, e.g. the web chat's or the console's, each stream carrying a {@code T}. */
    public <T> StreamGroup<T> group(String name) {
        StreamGroup<T> group = new StreamGroup<>(name, limits.streamsPerSession(), limits.streamTimeout(),
                addresses);
        groups.add(group);
        return group;
    }

    public Duration heartbeatInterval() {
        return limits.heartbeat();
    }

    /** Streams open in this instance, all groups together. */
    public int size() {
        return groups.stream().mapToInt(StreamGroup::size).sum();
    }

    /** Streams that this client address holds in this instance, all groups together. */
    public int ofAddress(String address) {
        return addresses.count(address);
    }

    /** Owners (chats, console sessions) holding at least one stream: none is kept once its streams are gone. */
    public int owners() {
        return groups.stream().mapToInt(StreamGroup::owners).sum();
    }

    private void beat() {
        groups.forEach(StreamGroup::heartbeat);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for every open stream. */
    @Override
    public void stop() {
        running = false;
        groups.forEach(StreamGroup::closeAll);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        groups.forEach(StreamGroup::closeAll);
    }
}
