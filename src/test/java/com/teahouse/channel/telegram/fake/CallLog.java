package com.teahouse.channel.telegram.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** What the bot did, in order, and a way to wait for it without sleeping in tests. */
final class CallLog {
    private final List<RecordedCall> accepted = new ArrayList<>();
    private final List<RecordedCall> rejected = new ArrayList<>();
    private final List<RecordedCall> injected = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    /** Methods as their requests arrive, before any answer: a long poll is here while it is still open. */
    private final List<String> received = new ArrayList<>();

    synchronized void received(String method) {
        received.add(method);
        notifyAll();
    }

    synchronized void accepted(RecordedCall call) {
        accepted.add(call);
        notifyAll();
    }

    synchronized void rejected(RecordedCall call) {
        rejected.add(call);
        notifyAll();
    }

    synchronized void injected(RecordedCall call) {
        injected.add(call);
        notifyAll();
    }

    synchronized void sent(SentMessage message) {
        sent.add(message);
        notifyAll();
    }

    synchronized List<RecordedCall> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<RecordedCall> rejected() {
        return List.copyOf(rejected);
    }

    synchronized List<RecordedCall> injected() {
        return List.copyOf(injected);
    }

    synchronized List<SentMessage> sent(Predicate<SentMessage> filter) {
        return sent.stream().filter(filter).toList();
    }

    static Predicate<SentMessage> inChat(long chatId, Integer threadId) {
        return m -> m.chatId() == chatId && (threadId == null || Objects.equals(threadId, m.threadId()));
    }

    synchronized List<SentMessage> awaitSent(Predicate<SentMessage> filter, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SentMessage> matching = sent(filter);
        while (matching.size() < count) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new AssertionError("expected " + count + " message(s) sent to " + what + " within " + timeout
                        + " but got " + matching.size() + ": " + matching.stream().map(SentMessage::text).toList()
                        + "; rejected calls: " + rejected.stream().map(c -> c.method() + " -> " + c.description()).toList());
            }
            try {
                wait(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for messages to " + what, e);
            }
            matching = sent(filter);
        }
        return matching;
    }

    /** Waits for a request of this method to arrive, answered or not (a long poll is answered only later). */
    synchronized void awaitReceived(String method, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.stream().noneMatch(method::equalsIgnoreCase)) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new AssertionError("no " + method + " request within " + timeout + "; requests: " + received);
            }
            try {
                wait(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    synchronized RecordedCall awaitCall(String method, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (RecordedCall call : accepted) {
                if (call.method().equalsIgnoreCase(method)) {
                    return call;
                }
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new AssertionError("no accepted " + method + " call within " + timeout + "; calls: "
                        + accepted.stream().map(RecordedCall::method).toList());
            }
            try {
                wait(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
