package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.Address;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram's published limits as token buckets: about one message a second per chat with small bursts, twenty a
 * minute per group, thirty a second overall. Asking takes a token when one is free, else says how long to wait.
 */
final class TelegramRateLimits {

    private final Bucket overall = new Bucket(30, 30.0);
    private final ConcurrentHashMap<String, Bucket> chats = new ConcurrentHashMap<>();

    Duration acquire(Address to) {
        if (chats.size() > 50_000) {
            chats.values().removeIf(Bucket::full); // a full bucket is the same as a new one: forget it
        }
        boolean group = to.chat().startsWith("-");
        Bucket chat = chats.computeIfAbsent(to.chat(), k -> group ? new Bucket(5, 20.0 / 60) : new Bucket(3, 1.0));
        synchronized (this) {
            long waitChat = chat.waitMillis();
            long waitAll = overall.waitMillis();
            long wait = Math.max(waitChat, waitAll);
            if (wait > 0) {
                return Duration.ofMillis(wait);
            }
            chat.take();
            overall.take();
            return Duration.ZERO;
        }
    }

    private static final class Bucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long last = System.currentTimeMillis();

        Bucket(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perMilli = perSecond / 1000.0;
            this.tokens = capacity;
        }

        long waitMillis() {
            refill();
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized boolean full() {
            refill();
            return tokens >= capacity;
        }

        void take() {
            tokens -= 1;
        }

        private void refill() {
            long now = System.currentTimeMillis();
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
    }
}
