package com.teahouse.channel.telegram.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures and slowness the test asks for, consumed call by call, plus Telegram's per-chat
 * flood control (off unless {@link #floodLimit(int)} is set).
 */
final class FaultPlan {
    private final Map<String, Deque<BotApiError>> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private volatile int messagesPerSecondPerChat;
    private final Map<String, Integer> heldReplies = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch releaseHeld = new java.util.concurrent.CountDownLatch(1);
    private final Map<String, Integer> pauses = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch resumePaused = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger pausedNow = new java.util.concurrent.atomic.AtomicInteger();

    /** The next {@code times} calls of {@code method} wait, before they are carried out, for {@link #resume()}. */
    void pauseNext(String method, int times) {
        pauses.merge(key(method), times, Integer::sum);
    }

    /** Waits here when a pause is planned for this call: an instance frozen before Telegram acted on its call. */
    void pauseIfPlanned(String method) throws InterruptedException {
        boolean[] pause = {false};
        pauses.computeIfPresent(key(method), (k, n) -> {
            pause[0] = true;
            return n > 1 ? n - 1 : null;
        });
        if (pause[0]) {
            pausedNow.incrementAndGet();
            try {
                resumePaused.await();
            } finally {
                pausedNow.decrementAndGet();
            }
        }
    }

    int pausedNow() {
        return pausedNow.get();
    }

    void resume() {
        resumePaused.countDown();
    }

    /** The next {@code times} calls of {@code method} are carried out, but their reply is held back. */
    void holdReplies(String method, int times) {
        heldReplies.merge(key(method), times, Integer::sum);
    }

    /** Whether this call's reply is to be held back (it counts against {@link #holdReplies}). */
    boolean holdsReply(String method) {
        boolean[] hold = {false};
        heldReplies.computeIfPresent(key(method), (k, n) -> {
            hold[0] = true;
            return n > 1 ? n - 1 : null;
        });
        return hold[0];
    }

    /** Blocks until {@link #releaseHeldReplies()} (or the fake closes). */
    void awaitRelease() throws InterruptedException {
        releaseHeld.await();
    }

    void releaseHeldReplies() {
        releaseHeld.countDown();
    }

    void failNext(String method, int times, BotApiError error) {
        Deque<BotApiError> queue = failures.computeIfAbsent(key(method), k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(error);
            }
        }
    }

    static BotApiError errorFor(int code, Integer retryAfter) {
        return switch (code) {
            case 429 -> BotApiError.tooManyRequests(retryAfter == null ? 1 : retryAfter);
            case 400 -> BotApiError.badRequest("injected failure");
            case 401 -> new BotApiError(401, "Unauthorized", null);
            case 403 -> new BotApiError(403, "Forbidden: bot was blocked by the user", null);
            case 404 -> new BotApiError(404, "Not Found", null);
            case 500 -> new BotApiError(500, "Internal Server Error", null);
            case 502 -> new BotApiError(502, "Bad Gateway", null);
            case 504 -> new BotApiError(504, "Gateway Timeout", null);
            default -> new BotApiError(code, "Error " + code, null);
        };
    }

    /** @return the failure to answer this call with, if one is planned */
    BotApiError nextFailure(String method) {
        Deque<BotApiError> queue = failures.get(key(method));
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    void delay(String method, Duration delay) {
        delays.put(key(method), delay);
    }

    void sleepIfDelayed(String method) throws InterruptedException {
        Duration delay = delays.getOrDefault(key(method), delays.get("*"));
        if (delay != null) {
            Thread.sleep(delay.toMillis());
        }
    }

    void floodLimit(int messagesPerSecond) {
        this.messagesPerSecondPerChat = messagesPerSecond;
    }

    /** Telegram answers 429 when a bot sends too fast to one chat; the window here is one second. */
    void checkFlood(FakeChats.ChatState chat, long nowMillis) {
        int limit = messagesPerSecondPerChat;
        if (limit <= 0) {
            return;
        }
        synchronized (chat.recentBotSends) {
            while (!chat.recentBotSends.isEmpty() && chat.recentBotSends.peekFirst() <= nowMillis - 1000) {
                chat.recentBotSends.pollFirst();
            }
            if (chat.recentBotSends.size() >= limit) {
                long waitMillis = chat.recentBotSends.peekFirst() + 1000 - nowMillis;
                throw BotApiError.tooManyRequests((int) Math.max(1, (waitMillis + 999) / 1000));
            }
            chat.recentBotSends.addLast(nowMillis);
        }
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
