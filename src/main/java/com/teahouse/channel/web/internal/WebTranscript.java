package com.teahouse.channel.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * A web chat's history, as a Redis stream per chat session: what the user said, what the bot answered, and
 * edits. Stream ids double as event ids, so a page that reconnects asks for what came after the last it saw.
 */
@Component
class WebTranscript {

    static final String NOTIFY_CHANNEL = "web:notify";
    private static final int KEEP = 500;
    private static final long DELIVERED_SECONDS = 2 * 86_400;
    /** KEYS: transcript, delivered marker; ARGV: line, keep, ttl, notify channel, session, marker ttl. */
    private static final LuaScript APPEND_ONCE = LuaScript.of("append-once", """
            local done = redis.call('GET', KEYS[2])
            if done then return done end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'line', ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], id, 'EX', ARGV[6])
            redis.call('PUBLISH', ARGV[4], ARGV[5])
            return id
            """);

    private final RedisStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final long ttlSeconds;

    WebTranscript(RedisStore store, WebRetention retention) {
        this.store = store;
        this.ttlSeconds = retention.transcripts().toSeconds();
    }

    String append(String session, TranscriptLine line) {
        String key = key(session);
        try (var tx = store.jedis().multi()) {
            var id = tx.xadd(key, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY).maxLen(KEEP).approximateTrimming(),
                    Map.of("line", write(line)));
            tx.expire(key, ttlSeconds); // each line moves the transcript's end a full period on
            tx.publish(store.key(NOTIFY_CHANNEL), session);
            tx.exec();
            return id.get().toString();
        }
    }

    /**
     * Appends a bot line once per {@code deliveryId} (null: always): the outbox delivers at least once, and a
     * repeat after a crash returns the line appended the first time instead of showing it twice. The marker
     * outlives the outbox's 24-hour retry window.
     */
    String appendOnce(String session, String deliveryId, TranscriptLine line) {
        if (deliveryId == null) {
            return append(session, line);
        }
        Object id = APPEND_ONCE.run(store,
                List.of(key(session), store.key("web:delivered:" + deliveryId)),
                List.of(write(line), Integer.toString(KEEP), Long.toString(ttlSeconds),
                        store.key(NOTIFY_CHANNEL), session, Long.toString(DELIVERED_SECONDS)));
        return String.valueOf(id);
    }

    /** True when nothing was ever said in this chat (or its history expired). */
    boolean isEmpty(String session) {
        return store.jedis().xlen(key(session)) == 0;
    }

    /** The chat was ended on its device: what it said is not kept for anyone to read. */
    void forget(String session) {
        store.jedis().del(key(session));
    }

    List<TranscriptLine> after(String session, String lastSeen) {
        StreamEntryID from = lastSeen == null || lastSeen.isBlank() ? null : parse(lastSeen);
        var entries = from == null
                ? store.jedis().xrange(key(session), (StreamEntryID) null, (StreamEntryID) null, KEEP)
                : store.jedis().xrange(key(session), from, (StreamEntryID) null, KEEP);
        return entries.stream()
                .filter(e -> from == null || !e.getID().equals(from))
                .map(e -> read(e.getFields().get("line")).withId(e.getID().toString()))
                .toList();
    }

    private String key(String session) {
        return store.key("web:transcript:" + session);
    }

    private static StreamEntryID parse(String id) {
        try {
            return new StreamEntryID(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String write(TranscriptLine line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private TranscriptLine read(String raw) {
        try {
            return json.readValue(raw, TranscriptLine.class);
        } catch (JsonProcessingException e) {
            return TranscriptLine.notice("unreadable");
        }
    }
}
