package com.teahouse.chaos;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many chats at once through the fake Bot API, each a {@link ChatScript}, one line after the reply to the
 * previous one (the way a person types), and sometimes has Telegram deliver an update again with its update_id.
 * It records when each line went out and when its reply came, for the latency figures; losses, duplicates and
 * order are judged afterwards from everything the fake received ({@link ChaosReport}).
 */
final class ChaosChats {

    /** One line sent: its update, when it was sent and when its reply was first seen (0: not seen). */
    static final class Sent {
        final int updateId;
        final long sentNanos;
        volatile long replyNanos;

        Sent(int updateId, long sentNanos) {
            this.updateId = updateId;
            this.sentNanos = sentNanos;
        }
    }

    record Chat(FakeChat chat, ChatScript script, List<Sent> sent) {
    }

    private final FakeBotApiServer telegram;
    private final Duration replyWait;
    private final double duplicateRate;
    final AtomicInteger duplicatesSent = new AtomicInteger();
    final List<Chat> chats = new ArrayList<>();

    ChaosChats(FakeBotApiServer telegram, long firstUserId, int count, Duration replyWait, double duplicateRate) {
        this.telegram = telegram;
        this.replyWait = replyWait;
        this.duplicateRate = duplicateRate;
        for (int i = 0; i < count; i++) {
            long id = firstUserId + i;
            chats.add(new Chat(telegram.privateChat(id, "Boss" + id, "en"),
                    ChatScript.complaintAndTwoQuestions((int) id), new ArrayList<>()));
        }
    }

    /** Runs every chat to its end; returns the wall time in nanoseconds. */
    long run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(chats.size());
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Chat chat : chats) {
                done.add(pool.submit(() -> {
                    runChat(chat);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }

    private void runChat(Chat chat) {
        Random random = new Random(chat.chat().id());
        List<ChatScript.Line> lines = chat.script().lines();
        int from = 0; // index in the chat's messages after the last reply found
        int i = 0;
        while (i < lines.size()) {
            int group = i + 1;
            while (group < lines.size() && lines.get(group).together()) {
                group++;
            }
            List<Sent> batch = new ArrayList<>();
            for (int k = i; k < group; k++) {
                Sent s = new Sent(telegram.userSends(chat.chat(), lines.get(k).text()).updateId(), System.nanoTime());
                batch.add(s);
                synchronized (chat.sent()) {
                    chat.sent().add(s);
                }
            }
            for (int k = i; k < group; k++) {
                from = awaitReply(chat.chat(), lines.get(k).expect(), from, batch.get(k - i));
            }
            for (Sent s : batch) {
                if (random.nextDouble() < duplicateRate) {
                    telegram.redeliver(s.updateId); // at-least-once: Telegram may send a confirmed update again
                    duplicatesSent.incrementAndGet();
                }
            }
            i = group;
        }
    }

    /** Waits for a message containing {@code expect} at or after index {@code from}; returns the index after it. */
    private int awaitReply(FakeChat chat, String expect, int from, Sent sent) {
        long deadline = System.nanoTime() + replyWait.toNanos();
        int seen = from;
        while (true) {
            List<SentMessage> all = telegram.sentMessages(chat.id());
            for (int k = from; k < all.size(); k++) {
                if (all.get(k).text() != null && all.get(k).text().contains(expect)) {
                    if (sent.replyNanos == 0) {
                        sent.replyNanos = System.nanoTime();
                    }
                    return k + 1;
                }
            }
            seen = all.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return from; // lost or late: the report says which, from the final log
            }
            try {
                telegram.awaitSent(chat.id(), seen + 1, Duration.ofNanos(left));
            } catch (AssertionError timeout) {
                return from;
            }
        }
    }

    int linesSent() {
        return chats.stream().mapToInt(c -> c.sent().size()).sum();
    }
}
