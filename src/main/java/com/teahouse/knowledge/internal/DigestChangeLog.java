package com.teahouse.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.teahouse.store.RedisStore;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The digest's change log, {@code kb:log}: the publish script appends {rev, path} for every change, so an instance
 * blocks on the stream to notice a publish at once, and reads only the documents that changed instead of the whole
 * digest. {@code kb:rev} stays the truth: when the log does not reach back to a revision (trimmed, or a change made
 * without it), the follower reads everything.
 */
public final class DigestChangeLog {

    /**
     * What changed after a revision: the published text (null: withdrawn) of every document changed since, at
     * {@code revision}; {@code changed} is null when the log does not reach back (then read everything).
     */
    public record Changes(long revision, Map<String, String> changed) {
    }

    /** The documents changed after revision ARGV[1], if the log holds every change up to the current revision. */
    private static final String CHANGES = """
            local rev = tonumber(redis.call('GET', KEYS[1]) or '0')
            local n = rev - tonumber(ARGV[1])
            if n == 0 then return {rev, 1} end
            if n < 0 or n > tonumber(ARGV[2]) then return {rev, 0} end
            local log = redis.call('XREVRANGE', KEYS[5], '+', '-', 'COUNT', n)
            if #log ~= n then return {rev, 0} end
            local out, seen = {rev, 1}, {}
            for i = #log, 1, -1 do
              local f = log[i][2]
              if f[1] ~= 'rev' or tonumber(f[2]) ~= rev - i + 1 then return {rev, 0} end
              if not seen[f[4]] then
                seen[f[4]] = true
                table.insert(out, f[4])
                table.insert(out, redis.call('HGET', KEYS[2], f[4]))
              end
            end
            return out
            """;
    /** Beyond this many changes a follower reads the whole digest instead. */
    private static final int MAX_CHANGES = 500;

    private final RedisStore store;
    private final DigestRepository repository;

    public DigestChangeLog(RedisStore store, DigestRepository repository) {
        this.store = store;
        this.repository = repository;
    }

    /** The documents changed after {@code revision}, read atomically with the current revision. */
    @SuppressWarnings("unchecked")
    public Changes changesSince(long revision) {
        List<Object> r = (List<Object>) store.jedis().eval(CHANGES, repository.keys(),
                List.of(Long.toString(revision), Integer.toString(MAX_CHANGES)));
        if ((Long) r.get(1) == 0L) {
            return new Changes((Long) r.get(0), null);
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (int i = 2; i + 1 < r.size(); i += 2) {
            Object text = r.get(i + 1);
            changed.put(string(r.get(i)), text == null ? null : string(text));
        }
        return new Changes((Long) r.get(0), changed);
    }

    private static String string(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : (String) o;
    }

    /**
     * Waits up to {@code blockMillis} for a change logged after stream id {@code after}; returns the
     * id of the newest one, or {@code after} when none came.
     */
    public String awaitChange(String after, int blockMillis) {
        var read = store.jedis().xread(XReadParams.xReadParams().block(blockMillis),
                Map.of(store.key("kb:log"), new StreamEntryID(after)));
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return after;
        }
        List<StreamEntry> entries = read.get(0).getValue();
        return entries.get(entries.size() - 1).getID().toString();
    }

    /** The id of the newest logged change, "0-0" when none. */
    public String lastChange() {
        var newest = store.jedis().xrevrange(store.key("kb:log"), "+", "-", 1);
        return newest.isEmpty() ? "0-0" : newest.get(0).getID().toString();
    }

}
