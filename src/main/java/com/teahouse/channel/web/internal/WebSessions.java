package com.teahouse.channel.web.internal;

import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A web chat is identified by an id that only the server issues: 18 random bytes and an HMAC of them under a
 * secret that every instance shares (kept in Redis, created once). A cookie ({@link ChatCookies}) the server did
 * not sign, or one whose chat was ended, is replaced by a fresh id, so nobody can pick an id for someone else.
 * Issuing writes nothing to Redis: anonymous visitors cost no storage until they send something.
 *
 * <p>F10: after the chat files a complaint ({@link ChatRotation}) the browser's next request gets a new signed id
 * in place of the one it presented, which is refused from then on, so an id that leaked before reads nothing
 * later. The new id names the same chat ({@code web:alias:<id>}): the browser keeps its transcript and its cases.
 */
@Component
class WebSessions {

    static final Duration LIFETIME = Duration.ofDays(30);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the id a rotation replaced still leads to the new one: requests the browser had in flight. */
    static final Duration ROTATION_GRACE = Duration.ofSeconds(10);
    /**
     * KEYS: ended marker, alias and rotation successor of the presented id, alias of the fresh id; ARGV: prefix,
     * fresh id, lifetime and grace in seconds. Two keys depend on values read inside (the successor's alias, the
     * chat's rotation mark), so the script builds them from the prefix: one Redis or Sentinel, not Cluster.
     * Returns {ended}, {ok, chat} or {rotated, chat, new id}: one request only takes the rotation mark; for a few
     * seconds the replaced id leads to the same new id (a page's stream and a send in flight).
     */
    private static final LuaScript RESOLVE = LuaScript.of("resolve-web-session", """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              local next = redis.call('GET', KEYS[3])
              local chat = next and redis.call('GET', ARGV[1] .. 'web:alias:' .. next)
              if chat then return {'rotated', chat, next} end
              return {'ended', ''}
            end
            local chat = redis.call('GET', KEYS[2]) or ARGV[5]
            if redis.call('DEL', ARGV[1] .. 'web:rotate:' .. chat) == 1 then
              redis.call('SET', KEYS[1], '1', 'EX', ARGV[3])
              redis.call('DEL', KEYS[2])
              redis.call('SET', KEYS[4], chat, 'EX', ARGV[3])
              redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[4])
              return {'rotated', chat, ARGV[2]}
            end
            return {'ok', chat}
            """);

    private final RedisStore store;
    private final ChatCookies cookies;
    private volatile byte[] secret;

    WebSessions(RedisStore store, ChatCookies cookies) {
        this.store = store;
        this.cookies = cookies;
    }

    /**
     * The chat of this request; issues a new id (with its cookie) when there is none or it is not ours, and a
     * rotated one when the chat filed a complaint since.
     */
    String current(HttpServletRequest request, HttpServletResponse response) {
        String presented = cookies.presented(request, this::issuedByUs).orElse(null);
        if (presented == null) {
            return issue(request, response);
        }
        List<String> r = resolve(presented, newId());
        if (r == null) {
            return presented; // Redis is away: nothing can be read or sent anyway, the caller answers "busy"
        }
        switch (r.get(0)) {
            case "ended" -> {
                return issue(request, response);
            }
            case "rotated" -> cookies.set(request, response, r.get(2), LIFETIME);
            default -> cookies.upgrade(request, response, presented, LIFETIME);
        }
        return r.get(1);
    }

    /** Ends the chat of this device: its id (and the chat's first one) is refused from now on, the cookie cleared. */
    Optional<String> end(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> chat = cookies.presented(request, this::issuedByUs).map(id -> {
            String aliased = store.jedis().get(store.key("web:alias:" + id));
            markEnded(id);
            store.jedis().del(store.key("web:alias:" + id));
            return aliased == null ? id : aliased;
        });
        chat.ifPresent(this::markEnded);
        cookies.clear(request, response);
        return chat;
    }

    private void markEnded(String id) {
        store.jedis().set(endedKey(id), "1", SetParams.setParams().ex(LIFETIME.toSeconds()));
    }

    @SuppressWarnings("unchecked")
    private List<String> resolve(String presented, String fresh) {
        try {
            return (List<String>) RESOLVE.run(store,
                    List.of(endedKey(presented), store.key("web:alias:" + presented),
                            store.key("web:rotated:" + presented), store.key("web:alias:" + fresh)),
                    List.of(store.prefix(), fresh, Long.toString(LIFETIME.toSeconds()),
                            Long.toString(ROTATION_GRACE.toSeconds()), presented));
        } catch (JedisException e) {
            return null;
        }
    }

    private String issue(HttpServletRequest request, HttpServletResponse response) {
        String id = newId();
        cookies.set(request, response, id, LIFETIME);
        return id;
    }

    private String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return random + "." + signature(random);
    }

    boolean issuedByUs(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return false;
        }
        int dot = id.indexOf('.');
        return MessageDigest.isEqual(signature(id.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                id.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String random) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] full = mac.doFinal(random.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Created by the first instance that needs it; the others read the same one. */
    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            String key = store.key("web:session-secret");
            store.jedis().set(key, Base64.getEncoder().encodeToString(fresh), SetParams.setParams().nx());
            known = Base64.getDecoder().decode(store.jedis().get(key));
            secret = known;
        }
        return known;
    }

    private String endedKey(String id) {
        return store.key("web:ended:" + id);
    }
}
