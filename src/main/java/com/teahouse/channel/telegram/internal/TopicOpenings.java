package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.Outbound;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.DeleteForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Opening a forum topic once, even across a crash. createForumTopic is not idempotent, and Telegram has no call
 * that lists a forum's topics: if an instance dies after Telegram created the topic but before its thread id was
 * recorded, the outbox repeats the call and a second topic is born, the first left open and empty.
 *
 * <p>So each opening (one per correlation, e.g. {@code case-topic:<t>}) has a record in Redis,
 * {@code tg:topic-opening:<correlation>}, written <em>before</em> the call: the name, the attempts, and the floor
 * (the highest thread id this bot had recorded in that chat, {@code tg:topics:<chat>}; Telegram's thread id is the
 * id of the topic's first message, and message ids only grow, so a topic made by this attempt lies above it). The
 * thread id is recorded right after the reply.
 * <ul>
 *   <li>A repeat that finds the thread id recorded reuses that topic: no call.</li>
 *   <li>A repeat without it (the reply was lost) creates the topic again, then looks for what the earlier attempts
 *   may have left between the floor and the new thread: each id not recorded as a topic of ours is probed with a
 *   silent message (400 when it is no topic), whose reply names the topic it landed in (Telegram's
 *   {@code reply_to_message} of a topic message is the topic's "created" message); the probe is deleted at once,
 *   and a topic with this opening's exact name is deleted. A topic with another name is never touched, so when
 *   Telegram says less than this, nothing is deleted and the empty topic stays, as it did before.</li>
 * </ul>
 */
final class TopicOpenings {

    private static final Logger log = LoggerFactory.getLogger(TopicOpenings.class);
    private static final Duration KEEP = Duration.ofDays(7);
    /** The most ids probed after one lost reply; a busy forum's later messages are not all walked. */
    static final int MAX_PROBES = 200;
    /** How many of the latest topics of a chat are remembered as ours. */
    private static final int KEEP_TOPICS = 10_000;

    private final TelegramClient client;
    private final RedisStore redis;

    TopicOpenings(TelegramClient client, RedisStore redis) {
        this.client = client;
        this.redis = redis;
    }

    /** Opens the topic {@code out} asks for (or finds it opened before); returns its thread id. */
    String open(Outbound out, String name) throws TelegramApiException {
        String chat = out.to().chat();
        if (out.correlation() == null) {
            return create(chat, name);
        }
        String key = redis.key("tg:topic-opening:" + out.correlation());
        Map<String, String> before = redis.jedis().hgetAll(key);
        if (before.containsKey("thread")) {
            return before.get("thread"); // created, recorded, then a crash before the case heard of it
        }
        long floor = before.containsKey("floor") ? Long.parseLong(before.get("floor")) : highestKnown(chat);
        try (var tx = redis.jedis().multi()) {
            tx.hset(key, Map.of("name", name, "floor", Long.toString(floor)));
            tx.hincrBy(key, "attempts", 1);
            tx.pexpire(key, KEEP.toMillis());
            tx.exec();
        }
        String thread = create(chat, name);
        try (var tx = redis.jedis().multi()) {
            tx.hset(key, "thread", thread);
            tx.zadd(topics(chat), Double.parseDouble(thread), thread);
            tx.zremrangeByRank(topics(chat), 0, -KEEP_TOPICS - 1); // only the recent ones are ever probed near
            tx.exec();
        }
        if (!before.isEmpty()) {
            removeOrphans(chat, name, floor, Long.parseLong(thread));
        }
        return thread;
    }

    private String create(String chat, String name) throws TelegramApiException {
        return String.valueOf(client.execute(CreateForumTopic.builder().chatId(chat).name(name).build())
                .getMessageThreadId());
    }

    private String topics(String chat) {
        return redis.key("tg:topics:" + chat);
    }

    private long highestKnown(String chat) {
        List<String> top = redis.jedis().zrevrange(topics(chat), 0, 0);
        return top.isEmpty() ? 0 : Long.parseLong(top.get(0));
    }

    /** Deletes the topics named {@code name} between {@code floor} and {@code thread} that are not recorded. */
    private void removeOrphans(String chat, String name, long floor, long thread) {
        long from = Math.max(floor + 1, thread - MAX_PROBES);
        int removed = 0;
        for (long id = from; id < thread; id++) {
            if (redis.jedis().zscore(topics(chat), Long.toString(id)) != null) {
                continue;
            }
            try {
                if (name.equals(nameOf(chat, id))) {
                    client.execute(DeleteForumTopic.builder().chatId(chat).messageThreadId((int) id).build());
                    removed++;
                }
            } catch (TelegramApiException e) {
                log.warn("Forum topic opening: could not check or delete thread {} ({})", id, e.getMessage());
            }
        }
        log.info("Forum topic opened again after a lost reply; {} earlier topic(s) of the same opening deleted",
                removed);
    }

    /** The name of topic {@code id}, read off a silent probe deleted at once; null when {@code id} is no topic. */
    private String nameOf(String chat, long id) throws TelegramApiException {
        Message probe;
        try {
            probe = client.execute(SendMessage.builder().chatId(chat).messageThreadId((int) id).text("…")
                    .disableNotification(true).build());
        } catch (TelegramApiRequestException e) {
            return null; // no topic (message thread not found), or a closed one: not an orphan of ours
        }
        client.execute(DeleteMessage.builder().chatId(chat).messageId(probe.getMessageId()).build());
        Message root = probe.getReplyToMessage();
        return root == null || root.getForumTopicCreated() == null ? null : root.getForumTopicCreated().getName();
    }
}
