package com.teahouse.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of one kind of page, by owner (a web chat, a console session). An owner with no stream left
 * leaves no entry behind. Made by {@link LiveStreams#group}.
 */
public final class StreamGroup<T> {

    private static final Logger log = LoggerFactory.getLogger(StreamGroup.class);

    /** One open stream: its emitter, whose it is, and what the page needs (e.g. the last line it has seen). */
    public static final class Stream<T> {
        private final String owner;
        private final String address;
        private final T state;
        private final SseEmitter emitter;
        /** Its place in the address's count, given back once however the stream ends. */
        private final AtomicBoolean counted = new AtomicBoolean(true);

        Stream(String owner, String address, T state, SseEmitter emitter) {
            this.owner = owner;
            this.address = address;
            this.state = state;
            this.emitter = emitter;
        }

        public String owner() {
            return owner;
        }

        public T state() {
            return state;
        }
    }

    private final String name;
    private final int perOwner;
    private final Duration timeout;
    private final Map<String, Deque<Stream<T>>> byOwner = new ConcurrentHashMap<>();
    private final StreamAddresses addresses;

    StreamGroup(String name, int perOwner, Duration timeout, StreamAddresses addresses) {
        this.name = name;
        this.perOwner = perOwner;
        this.timeout = timeout;
        this.addresses = addresses;
    }

    /**
     * Registers a new stream from this client address; the owner's oldest is closed when this one is one too many.
     * Empty when the address already holds as many streams as it may (the caller answers 429).
     */
    public Optional<Stream<T>> open(String owner, String address, T state) {
        if (!addresses.take(address)) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Stream<T> stream = new Stream<>(owner, address, state, emitter);
        List<Stream<T>> evicted = new ArrayList<>();
        byOwner.compute(owner, (o, streams) -> {
            Deque<Stream<T>> list = streams == null ? new ConcurrentLinkedDeque<>() : streams;
            list.addLast(stream);
            while (list.size() > perOwner) {
                evicted.add(list.pollFirst());
            }
            return list;
        });
        emitter.onCompletion(() -> forget(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(e -> forget(stream));
        evicted.forEach(this::close);
        // the response head goes out with a stream's first write: without one, a page whose stream has nothing to
        // say yet would not see it open until the heartbeat (20 s), and a proxy might give up on it first
        send(stream, SseEmitter.event().comment("open"));
        return Optional.of(stream);
    }

    public SseEmitter emitter(Stream<T> stream) {
        return stream.emitter;
    }

    /** Sends; a stream that cannot be written to is closed and forgotten. Returns whether it was sent. */
    public boolean send(Stream<T> stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("{} stream went away: {}", name, e.toString());
            forget(stream);
            try {
                stream.emitter.completeWithError(e);
            } catch (RuntimeException alreadyDone) {
                log.trace("already finished", alreadyDone);
            }
            return false;
        }
    }

    public Collection<Stream<T>> of(String owner) {
        Deque<Stream<T>> streams = byOwner.get(owner);
        return streams == null ? List.of() : List.copyOf(streams);
    }

    public List<Stream<T>> all() {
        List<Stream<T>> all = new ArrayList<>();
        byOwner.values().forEach(all::addAll);
        return all;
    }

    /** Closes every stream that matches, e.g. those of a user who logged out. */
    public void closeIf(Predicate<Stream<T>> which) {
        all().stream().filter(which).forEach(this::close);
    }

    public void closeOwner(String owner) {
        of(owner).forEach(this::close);
    }

    public int size() {
        return byOwner.values().stream().mapToInt(Deque::size).sum();
    }

    public int owners() {
        return byOwner.size();
    }

    void heartbeat() {
        all().forEach(s -> send(s, SseEmitter.event().comment("")));
    }

    void closeAll() {
        all().forEach(this::close);
    }

    private void close(Stream<T> stream) {
        forget(stream);
        try {
            stream.emitter.complete();
        } catch (RuntimeException e) {
            log.trace("already finished", e);
        }
    }

    private void forget(Stream<T> stream) {
        if (stream.counted.compareAndSet(true, false)) {
            addresses.give(stream.address);
        }
        byOwner.computeIfPresent(stream.owner, (o, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }
}
