package com.teahouse.staff;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting on the fake Telegram for what the bot sent: by text, by button label, by callback data. Waits are long
 * because the app keeps Telegram's group rate limit (a burst of five, then twenty a minute) in the staff forum.
 */
final class FakeTelegramChats {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern TRACKING = Pattern.compile("[A-Z]{2}-\\d{6}-\\d{4,}-[0-9A-Z]");

    private final FakeBotApiServer telegram;

    FakeTelegramChats(FakeBotApiServer telegram) {
        this.telegram = telegram;
    }

    int count(FakeChat chat) {
        return telegram.sentMessages(chat.id()).size();
    }

    /** The first message from index {@code from} on (in the thread, when given) that matches. */
    SentMessage await(FakeChat chat, Integer thread, int from, Predicate<SentMessage> what, String describe) {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < end) {
            List<SentMessage> all = telegram.sentMessages(chat.id());
            for (SentMessage m : all.subList(Math.min(from, all.size()), all.size())) {
                if ((thread == null || thread.equals(m.threadId())) && what.test(m)) {
                    return m;
                }
            }
            sleep(25);
        }
        throw new AssertionError("nothing like '" + describe + "' in chat " + chat.id() + " within " + WAIT
                + "; sent: " + telegram.sentMessages(chat.id()).stream().map(SentMessage::text).toList()
                + "; rejected: " + telegram.rejectedCalls());
    }

    SentMessage awaitText(FakeChat chat, Integer thread, int from, String contains) {
        return await(chat, thread, from, m -> m.text() != null && m.text().contains(contains), contains);
    }

    SentMessage awaitButton(FakeChat chat, int from, String label) {
        return await(chat, null, from, m -> m.buttonTexts().stream().anyMatch(r -> r.contains(label)), label);
    }

    /** Presses the button with this label on a message (as {@code who}, or the chat's user). */
    void press(FakeChat chat, FakeUser who, SentMessage m, String label) {
        List<List<String>> labels = m.buttonTexts();
        List<List<String>> data = m.callbackData();
        for (int r = 0; r < labels.size(); r++) {
            int c = labels.get(r).indexOf(label);
            if (c >= 0) {
                telegram.userPresses(chat, who == null ? chat.user() : who, m.messageId(), data.get(r).get(c));
                return;
            }
        }
        throw new AssertionError("no button " + label + " on " + m.text());
    }

    /** The user says something and the bot answers with text containing {@code expect}. */
    SentMessage says(FakeChat chat, String text, String expect) {
        int from = count(chat);
        telegram.userSends(chat, text);
        return awaitText(chat, null, from, expect);
    }

    /** The user presses the newest button with this label and the bot answers with {@code expect}. */
    SentMessage presses(FakeChat chat, String label, String expect) {
        SentMessage with = awaitButton(chat, Math.max(0, count(chat) - 3), label);
        int from = count(chat);
        press(chat, null, with, label);
        return awaitText(chat, null, from, expect);
    }

    /** The complaint form about an unpaid invoice, filled on Telegram; returns the new case's tracking number. */
    String complain(FakeChat boss, String text, String company) {
        says(boss, "/complain", "第 1 步");
        presses(boss, "拖欠账款、保证金不退", "第 2 步");
        says(boss, text, "第 3 步");
        says(boss, "高密市", "第 4 步");
        says(boss, company, "统一社会信用代码");
        presses(boss, "跳过", "第 6 步");
        says(boss, "张三", "第 7 步");
        int from = count(boss);
        telegram.userSharesContact(boss, "+8613800138000");
        awaitText(boss, null, from, "第 8 步");
        presses(boss, "不保密", "请核对");
        return tracking(presses(boss, "✅ 确认提交", "投诉已受理").text());
    }

    /** The case's forum topic in the staff group: its thread id, once the bot created it. */
    int topicOf(FakeChat group, String tracking) {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < end) {
            var topic = telegram.topics(group.id()).stream()
                    .filter(t -> t.path("name").asText().contains(tracking)).findFirst();
            if (topic.isPresent()) {
                return topic.get().get("message_thread_id").asInt();
            }
            sleep(25);
        }
        throw new AssertionError("no topic for " + tracking);
    }

    /** The case card in its topic: the message with the case's claim button. */
    SentMessage card(FakeChat group, int thread, String tracking) {
        return await(group, thread, 0, m -> m.callbackData().stream().flatMap(List::stream)
                .anyMatch(d -> Objects.equals(d, "case:claim:" + tracking)), "card of " + tracking);
    }

    static String tracking(String text) {
        Matcher m = TRACKING.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no tracking number in: " + text);
        }
        return m.group();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
