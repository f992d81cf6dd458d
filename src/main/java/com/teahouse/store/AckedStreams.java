package com.teahouse.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Retention for streams read by consumer groups (the message lanes, the case notices): trims entries older than a
 * cut-off, but never one a group has not acknowledged or not yet read (trim-acked.lua, atomic). One script for
 * every module, so the rule "nothing unacknowledged is trimmed" lives in one place.
 */
@Component
public class AckedStreams {

    private final RedisStore store;
    private final String script = read("/store/trim-acked.lua");

    AckedStreams(RedisStore store) {
        this.store = store;
    }

    /**
     * What a trim did: the entries removed, and, when an unacknowledged entry older than the cut-off held it back,
     * when that entry was written.
     */
    public record Trimmed(long removed, Optional<Instant> heldBackSince) {
    }

    /** Trims {@code stream} (a full key) of acknowledged entries written before {@code cutoff}. */
    @SuppressWarnings("unchecked")
    public Trimmed trim(String stream, Instant cutoff) {
        List<Object> r = (List<Object>) store.jedis().eval(script, List.of(stream),
                List.of(cutoff.toEpochMilli() + "-0"));
        String held = r.get(1) instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(r.get(1));
        Optional<Instant> since = held.isEmpty() ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(held.substring(0, held.indexOf('-')))));
        return new Trimmed((Long) r.get(0), since);
    }

    private static String read(String resource) {
        try (InputStream in = AckedStreams.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + resource, e);
        }
    }
}
