package com.teahouse.knowledge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.store.RedisStore;

/**
 * The published digest in Redis, as the knowledge/ files it is made of:
 * <ul>
 * <li>{@code kb:doc} hash, path ("entries/x.md", "synonyms.txt", "sources.yaml"…) → published text;</li>
 * <li>{@code kb:ver} hash, path → that document's latest version (kept when it is withdrawn);</li>
 * <li>{@code kb:hist:<path>} list of JSON versions {version, author, at, note, action, text};</li>
 * <li>{@code kb:rev} the digest's revision, raised by every change;</li>
 * <li>{@code kb:log} stream, one entry {rev, path} per change (capped): followers block on it to notice a publish at
 * once and read only the documents that changed; {@code kb:rev} stays the truth they fall back on.</li>
 * </ul>
 * Each change is one Lua script, so the text, the version, the history and the revision move together or not at
 * all. The history keys are named inside the script from the prefix passed as a key (single-node Redis).
 */
public final class DigestRepository {

    /** The published files at one revision. */
    public record Published(long revision, Map<String, String> files) {
    }

    /** One stored version of a document; {@code text} is null for a withdrawal. */
    public record Version(int version, String author, Instant at, String note, String action, String text) {
    }

    /** What a write did: the new version, or why not (the document's version moved, or the digest's did). */
    public record Write(int version, boolean conflict, boolean stale, long current) {
    }

    /** One batch of the seed; a document already written (a seed cut short and resumed) is skipped. */
    private static final String SEED = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            for i = 2, #ARGV, 2 do
              if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 0 then
                redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
                redis.call('HSET', KEYS[3], ARGV[i], 1)
                redis.call('RPUSH', KEYS[4] .. ARGV[i], cjson.encode({version = 1, author = 'seed', at = ARGV[1],
                  note = 'seeded from knowledge/', action = 'publish', text = ARGV[i + 1]}))
              end
            end
            return 1
            """;
    private static final int SEED_BATCH = 100;

    private static final String WRITE = """
            local rev = tonumber(redis.call('GET', KEYS[1]) or '0')
            if ARGV[3] ~= '' and rev ~= tonumber(ARGV[3]) then return {-2, rev} end
            local cur = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
            if ARGV[2] ~= '' and cur ~= tonumber(ARGV[2]) then return {-1, cur} end
            local v = cur + 1
            if ARGV[8] == 'withdraw' then
              redis.call('HDEL', KEYS[2], ARGV[1])
            else
              redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
            end
            redis.call('HSET', KEYS[3], ARGV[1], v)
            local entry = {version = v, author = ARGV[5], at = ARGV[6], note = ARGV[7], action = ARGV[8]}
            if ARGV[8] ~= 'withdraw' then entry.text = ARGV[4] end
            redis.call('RPUSH', KEYS[4] .. ARGV[1], cjson.encode(entry))
            local nr = redis.call('INCR', KEYS[1])
            redis.call('XADD', KEYS[5], 'MAXLEN', '~', '1000', '*', 'rev', nr, 'path', ARGV[1])
            return {v, nr}
            """;

    private final RedisStore store;
    private final ObjectMapper json = new ObjectMapper();

    public DigestRepository(RedisStore store) {
        this.store = store;
    }

    List<String> keys() {
        return List.of(store.key("kb:rev"), store.key("kb:doc"), store.key("kb:ver"), store.key("kb:hist:"),
                store.key("kb:log"));
    }

    /**
     * Fills an empty store with {@code files}; false when something was published before (a restart). Written in
     * batches, so a large digest never holds Redis for long, under a lock so one instance seeds; {@code kb:rev} is
     * set last, so no instance serves a half-seeded digest. A seed cut short is resumed once its lock expires.
     */
    public boolean seedIfEmpty(Map<String, String> files, Instant at) {
        String lock = store.key("kb:seeding");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (revision() == 0) {
            if (store.jedis().set(lock, at.toString(),
                    redis.clients.jedis.params.SetParams.setParams().nx().px(120_000)) != null) {
                List<Map.Entry<String, String>> all = new ArrayList<>(files.entrySet());
                for (int from = 0; from < all.size(); from += SEED_BATCH) {
                    List<String> args = new ArrayList<>();
                    args.add(at.toString());
                    for (Map.Entry<String, String> f : all.subList(from, Math.min(all.size(), from + SEED_BATCH))) {
                        args.add(f.getKey());
                        args.add(f.getValue());
                    }
                    store.jedis().eval(SEED, keys(), args);
                }
                long set = store.jedis().setnx(store.key("kb:rev"), "1");
                store.jedis().del(lock);
                return set == 1L;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another instance has been seeding the digest for 5 minutes");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // another instance is seeding
        }
        return false;
    }

    public long revision() {
        String v = store.jedis().get(store.key("kb:rev"));
        return v == null ? 0 : Long.parseLong(v);
    }

    /**
     * All published files and their revision, consistently: the revision is read before and after the files, and
     * the read is repeated if a publish came in between (a publish raises the revision in the same script).
     */
    public Published read() {
        while (true) {
            long before = revision();
            Map<String, String> files = new LinkedHashMap<>(store.jedis().hgetAll(store.key("kb:doc")));
            if (revision() == before) {
                return new Published(before, files);
            }
        }
    }

    /** The published text of one document, empty when it was never published or is withdrawn. */
    public Optional<String> text(String path) {
        return Optional.ofNullable(store.jedis().hget(store.key("kb:doc"), path));
    }

    public int version(String path) {
        String v = store.jedis().hget(store.key("kb:ver"), path);
        return v == null ? 0 : Integer.parseInt(v);
    }

    /**
     * Publishes {@code text} (or withdraws, when {@code text} is null) if the document is still at
     * {@code expectedVersion} (null: any) and the digest still at {@code expectedRevision} (null: any).
     */
    @SuppressWarnings("unchecked")
    public Write write(String path, Integer expectedVersion, Long expectedRevision, String text, String author,
            String note, String action, Instant at) {
        List<String> args = List.of(path, expectedVersion == null ? "" : expectedVersion.toString(),
                expectedRevision == null ? "" : expectedRevision.toString(), text == null ? "" : text, author,
                at.toString(), note == null ? "" : note, text == null ? "withdraw" : action);
        List<Object> r = (List<Object>) store.jedis().eval(WRITE, keys(), args);
        long first = (Long) r.get(0);
        long second = (Long) r.get(1);
        return new Write((int) Math.max(first, 0), first == -1, first == -2, second);
    }

    /** Every version of a document, oldest first. */
    public List<Version> history(String path) {
        List<Version> out = new ArrayList<>();
        for (String s : store.jedis().lrange(store.key("kb:hist:") + path, 0, -1)) {
            out.add(parse(s));
        }
        return out;
    }

    public Optional<Version> version(String path, int version) {
        return history(path).stream().filter(v -> v.version() == version).findFirst();
    }

    private Version parse(String s) {
        try {
            JsonNode n = json.readTree(s);
            JsonNode text = n.get("text");
            return new Version(n.path("version").asInt(), n.path("author").asText(""),
                    Instant.parse(n.path("at").asText()), n.path("note").asText(""), n.path("action").asText(""),
                    text == null || text.isNull() ? null : text.asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable history record", e);
        }
    }
}
