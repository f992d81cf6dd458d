package com.teahouse.messaging.internal;

import com.teahouse.messaging.Outbound;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;

/**
 * Replies waiting to go out, one queue per chat. Only the head of a chat's queue is ever in flight, so a chat's
 * replies leave in order; chats do not wait for one another.
 */
final class ChatQueues {

    record Pending(int shard, StreamEntryID id, Outbound outbound) {
    }

    private static final class Queue {
        final Deque<Pending> items = new ArrayDeque<>();
        boolean inFlight;
        long notBefore;
        int attempts;
    }

    private final Map<String, Queue> chats = new LinkedHashMap<>();
    private int size;

    synchronized void add(Pending pending) {
        chats.computeIfAbsent(key(pending), k -> new Queue()).items.add(pending);
        size++;
        notifyAll();
    }

    synchronized int size() {
        return size;
    }

    /** Heads that may be sent now, marked in flight; waits up to {@code maxWaitMillis} when none is ready. */
    synchronized List<Pending> takeReady(long maxWaitMillis) throws InterruptedException {
        long now = System.currentTimeMillis();
        List<Pending> ready = new ArrayList<>();
        long nextWake = now + maxWaitMillis;
        for (Queue q : chats.values()) {
            if (q.inFlight || q.items.isEmpty()) {
                continue;
            }
            if (q.notBefore <= now) {
                q.inFlight = true;
                ready.add(q.items.peek());
            } else {
                nextWake = Math.min(nextWake, q.notBefore);
            }
        }
        if (ready.isEmpty()) {
            wait(Math.max(1, nextWake - now));
        }
        return ready;
    }

    /** The head went out (or failed for good): drop it and let the next one go. */
    synchronized void done(Pending pending) {
        Queue q = chats.get(key(pending));
        if (q == null) {
            return;
        }
        if (!q.items.isEmpty() && q.items.peek().id().equals(pending.id())) {
            q.items.poll();
            size--;
        }
        q.inFlight = false;
        q.attempts = 0;
        if (q.items.isEmpty()) {
            chats.remove(key(pending));
        }
        notifyAll();
    }

    /** The head must wait: rate limit, 429 or a failure to back off from. Returns the attempts so far. */
    synchronized int later(Pending pending, long delayMillis, boolean countsAsAttempt) {
        Queue q = chats.get(key(pending));
        if (q == null) {
            return 0;
        }
        q.inFlight = false;
        q.notBefore = System.currentTimeMillis() + delayMillis;
        if (countsAsAttempt) {
            q.attempts++;
        }
        notifyAll();
        return q.attempts;
    }

    synchronized int attempts(Pending pending) {
        Queue q = chats.get(key(pending));
        return q == null ? 0 : q.attempts;
    }

    /** Another instance owns the lane now: forget its entries that are not in flight (they stay pending in Redis). */
    synchronized void dropShard(int shard) {
        chats.values().forEach(q -> {
            int before = q.items.size();
            q.items.removeIf(p -> p.shard() == shard && !(q.inFlight && p == q.items.peek()));
            size -= before - q.items.size();
        });
        chats.values().removeIf(q -> q.items.isEmpty() && !q.inFlight);
    }

    /**
     * The lane's unsent replies read again from Redis (after a failure or a master change): they replace those held
     * for it, but the ones in flight stay and are not added twice.
     */
    synchronized void replaceShard(int shard, List<Pending> pending) {
        dropShard(shard);
        for (Pending p : pending) {
            Queue q = chats.get(key(p));
            if (q == null || !(q.inFlight && !q.items.isEmpty() && q.items.peek().id().equals(p.id()))) {
                add(p);
            }
        }
    }

    private static String key(Pending pending) {
        return pending.outbound().to().conversationKey();
    }
}
