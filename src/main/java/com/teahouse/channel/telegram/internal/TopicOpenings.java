package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.Outbound;
import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
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
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;

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
 *   and a topic with this opening's exact name is deleted. A topic with another name is never touched.</li>
 *   <li>The search is recorded as pending ({@code sweepTo}) until it ends: a 429 or a 5xx during it is thrown to
 *   the outbox, whose retry finds the thread recorded and searches again, instead of concluding "no topic".</li>
 *   <li>Only the first attempt to finish records its thread (HSETNX). An attempt that finishes later (an instance
 *   frozen during the call) widens the search to its own thread, so its topic is deleted as an orphan.</li>
 * </ul>
 */
final class TopicOpenings {

    private static final Logger log = LoggerFactory.getLogger(TopicOpenings.class);
    private static final Duration KEEP = Duration.ofDays(7);
    /** The most ids probed after one lost reply; a busy forum's later messages are not all walked. */
    static final int MAX_PROBES = 200;
    /** How many of the latest topics of a chat are remembered as ours. */
    private static final int KEEP_TOPICS = 10_000;
    /**
     * Records the thread just created, unless another attempt recorded its own first (an instance frozen during
     * the call, resumed after the lane's new owner opened the topic again): then this one is the orphan. Either
     * way, when more than one attempt was made, {@code sweepTo} bounds (exclusive) the ids to search for orphans.
     * KEYS: opening, topics of the chat; ARGV: thread, topics kept.
     */
    private static final LuaScript RECORD = LuaScript.of("record-topic", """
            local won = redis.call('HSETNX', KEYS[1], 'thread', ARGV[1])
            local mine = tonumber(ARGV[1])
            if won == 1 then
              redis.call('ZADD', KEYS[2], mine, ARGV[1])
              redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[2]) - 1)
              if tonumber(redis.call('HGET', KEYS[1], 'attempts') or '1') > 1 then
                redis.call('HSET', KEYS[1], 'sweepTo', mine)
              end
            elseif mine + 1 > tonumber(redis.call('HGET', KEYS[1], 'sweepTo') or '0') then
              redis.call('HSET', KEYS[1], 'sweepTo', mine + 1)
            end
            return 1
            """);
    /** KEYS: opening; ARGV: name, floor, TTL ms. One script, so a crash leaves the attempt counted or not at all. */
    private static final String ATTEMPT = """
            redis.call('HSET', KEYS[1], 'name', ARGV[1], 'floor', ARGV[2])
            redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;
    /** The search is done, unless another attempt widened it meanwhile. KEYS: opening; ARGV: the bound searched. */
    private static final LuaScript SWEPT = LuaScript.of("swept", """
            if redis.call('HGET', KEYS[1], 'sweepTo') == ARGV[1] then redis.call('HDEL', KEYS[1], 'sweepTo') end
            return 1
            """);

    private final TelegramClient client;
    private final RedisStore redis;
    private final boolean replicated;

    TopicOpenings(TelegramClient client, RedisStore redis) {
        this.client = client;
        this.redis = redis;
        this.replicated = redis.behindSentinel();
    }

    /**
     * Opens the topic {@code out} asks for (or finds it opened before); returns its thread id. Throws what
     * Telegram threw when it could not be asked (429, 5xx, network): the outbox retries the opening as it retries
     * any reply, and the retry finishes what is left (the search for earlier attempts' topics).
     */
    String open(Outbound out, String name) throws TelegramApiException {
        String chat = out.to().chat();
        if (out.correlation() == null) {
            return create(chat, name);
        }
        String key = redis.key("tg:topic-opening:" + out.correlation());
        Map<String, String> before = redis.jedis().hgetAll(key);
        if (!before.containsKey("thread")) {
            long floor = before.containsKey("floor") ? Long.parseLong(before.get("floor")) : highestKnown(chat);
            attempt(key, name, floor);
            String created = create(chat, name);
            RECORD.run(redis, List.of(key, topics(chat)), List.of(created, Integer.toString(KEEP_TOPICS)));
        }
        Map<String, String> opening = redis.jedis().hgetAll(key);
        if (opening.containsKey("sweepTo")) {
            removeOrphans(chat, name, opening);
            SWEPT.run(redis, List.of(key), List.of(opening.get("sweepTo")));
        }
        return opening.get("thread");
    }

    /**
     * Records the attempt, and behind Sentinel waits until a replica has it before Telegram is called: a failover
     * that lost the record (replication is asynchronous) would make the repeat a first attempt, which creates a
     * second topic and never looks for the first. Not on a replica within 2 s: the outbox tries again later.
     */
    private void attempt(String key, String name, long floor) {
        try (var p = redis.jedis().pipelined()) {
            p.eval(ATTEMPT, List.of(key), List.of(name, Long.toString(floor), Long.toString(KEEP.toMillis())));
            Response<Object> replicas = replicated ? p.sendCommand(Protocol.Command.WAIT, "1", "2000") : null;
            p.sync();
            if (replicas != null && ((Long) replicas.get()) < 1) {
                throw new StoreUnavailable("the topic opening's record reached no replica within 2 s", null);
            }
        }
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

    /**
     * Deletes the topics named {@code name} between the floor and {@code sweepTo} that are not recorded as ours
     * (the opening's own thread is). Telegram's refusals (no such topic, already deleted) end the check of an id;
     * a 429, a 5xx or a network failure is thrown, and the outbox's retry searches again.
     */
    private void removeOrphans(String chat, String name, Map<String, String> opening) throws TelegramApiException {
        long floor = Long.parseLong(opening.getOrDefault("floor", "0"));
        long to = Long.parseLong(opening.get("sweepTo"));
        int removed = 0;
        for (long id = Math.max(floor + 1, to - MAX_PROBES); id < to; id++) {
            if (redis.jedis().zscore(topics(chat), Long.toString(id)) != null) {
                continue;
            }
            if (name.equals(nameOf(chat, id))) {
                try {
                    client.execute(DeleteForumTopic.builder().chatId(chat).messageThreadId((int) id).build());
                    removed++;
                } catch (TelegramApiRequestException e) {
                    throwIfTransient(e); // otherwise gone already: a repeat of this search deleted it
                }
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
            throwIfTransient(e);
            return null; // no topic (message thread not found), or a closed one: not an orphan of ours
        }
        client.execute(DeleteMessage.builder().chatId(chat).messageId(probe.getMessageId()).build());
        Message root = probe.getReplyToMessage();
        return root == null || root.getForumTopicCreated() == null ? null : root.getForumTopicCreated().getName();
    }

    /** 429 and 5xx say nothing about the topic: the search must be tried again, not concluded. */
    private static void throwIfTransient(TelegramApiRequestException e) throws TelegramApiRequestException {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 429 || code >= 500 || code == 0) {
            throw e;
        }
    }
}
