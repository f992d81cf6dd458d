package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Telegram's update queue for one bot. getUpdates with {@code offset} confirms every update with a
 * smaller id; unconfirmed ones are delivered again on every call (at-least-once). A long poll
 * waits until an update arrives, the timeout passes or the fake is closed.
 */
final class UpdateQueue {
    /** Telegram's default when allowed_updates is empty: everything but these. */
    private static final Set<String> OPT_IN = Set.of("chat_member", "message_reaction", "message_reaction_count");

    private final TreeMap<Integer, ObjectNode> pending = new TreeMap<>();
    private final Map<Integer, ObjectNode> confirmed = new TreeMap<>();
    private int nextUpdateId;
    private List<String> allowedUpdates = List.of();
    private boolean closed;

    UpdateQueue(int firstUpdateId) {
        this.nextUpdateId = firstUpdateId;
    }

    synchronized FakeUpdate add(String type, ObjectNode payload) {
        int id = nextUpdateId++;
        ObjectNode update = Json.object().put("update_id", id);
        update.set(type, payload);
        pending.put(id, update);
        notifyAll();
        return new FakeUpdate(id, type, update.deepCopy());
    }

    /** Puts a confirmed update back with its original update_id, as Telegram may after a restart. */
    synchronized FakeUpdate redeliver(int updateId) {
        ObjectNode update = confirmed.remove(updateId);
        if (update == null) {
            update = pending.get(updateId);
        }
        if (update == null) {
            throw new IllegalArgumentException("no update with id " + updateId);
        }
        pending.put(updateId, update);
        notifyAll();
        return new FakeUpdate(updateId, kindOf(update), update.deepCopy());
    }

    /** The update's kind: its only field besides update_id, which is always first. */
    private static String kindOf(ObjectNode update) {
        Iterator<String> names = update.fieldNames();
        names.next();
        return names.next();
    }

    synchronized List<ObjectNode> poll(Long offset, int limit, long timeoutMillis, List<String> allowed)
            throws InterruptedException {
        if (allowed != null) {
            allowedUpdates = List.copyOf(allowed);
        }
        if (offset != null) {
            confirm(offset);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<ObjectNode> batch = select(limit);
        while (batch.isEmpty() && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
            batch = select(limit);
        }
        return batch;
    }

    private void confirm(long offset) {
        if (offset < 0) {
            // Telegram: a negative offset keeps only the last -offset updates.
            while (pending.size() > -offset) {
                Map.Entry<Integer, ObjectNode> e = pending.pollFirstEntry();
                confirmed.put(e.getKey(), e.getValue());
            }
            return;
        }
        while (!pending.isEmpty() && pending.firstKey() < offset) {
            Map.Entry<Integer, ObjectNode> e = pending.pollFirstEntry();
            confirmed.put(e.getKey(), e.getValue());
        }
    }

    private List<ObjectNode> select(int limit) {
        List<ObjectNode> batch = new ArrayList<>();
        for (ObjectNode update : pending.values()) {
            if (batch.size() >= limit) {
                break;
            }
            if (allowed(kindOf(update))) {
                batch.add(update.deepCopy());
            }
        }
        return batch;
    }

    private boolean allowed(String type) {
        return allowedUpdates.isEmpty() ? !OPT_IN.contains(type) : allowedUpdates.contains(type);
    }

    /**
     * For webhook delivery: the oldest pending update of an allowed kind, waiting up to {@code timeoutMillis};
     * null when none came or the queue closed. It stays pending until {@link #confirmOne} (Telegram retries).
     */
    synchronized ObjectNode nextPending(List<String> allowed, long timeoutMillis) throws InterruptedException {
        if (allowed != null) {
            allowedUpdates = List.copyOf(allowed);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<ObjectNode> batch = select(1);
        while (batch.isEmpty() && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
            batch = select(1);
        }
        return batch.isEmpty() ? null : batch.get(0);
    }

    /** The webhook answered 2xx for this update. */
    synchronized void confirmOne(int updateId) {
        ObjectNode update = pending.remove(updateId);
        if (update != null) {
            confirmed.put(updateId, update);
        }
    }

    /** drop_pending_updates: every pending update is gone for good. */
    synchronized void dropPending() {
        pending.clear();
    }

    /** Wakes a waiting pusher, e.g. when the webhook changed. */
    synchronized void wake() {
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
