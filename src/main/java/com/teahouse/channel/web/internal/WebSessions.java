package com.teahouse.channel.web.internal;

import com.teahouse.store.RedisStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A web chat is identified by an id that only the server issues: 18 random bytes and an HMAC of them under a
 * secret that every instance shares (kept in Redis, created once). A cookie the server did not sign, or one
 * whose chat was ended, is replaced by a fresh id, so nobody can pick an id for someone else. Issuing writes
 * nothing to Redis: anonymous visitors cost no storage until they send something. The cookie is HttpOnly,
 * SameSite=Lax, and Secure whenever the request came over HTTPS (directly, or through a trusted proxy).
 */
@Component
class WebSessions {

    static final String COOKIE = "teahouse_chat";
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;
    private volatile byte[] secret;

    WebSessions(RedisStore store) {
        this.store = store;
    }

    /** The chat of this request; issues a new one (with its cookie) when there is none or it is not ours. */
    String current(HttpServletRequest request, HttpServletResponse response) {
        return presented(request).orElseGet(() -> issue(request, response));
    }

    /** Ends the chat of this device: its id is refused from now on and the cookie is cleared. */
    Optional<String> end(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> id = presented(request);
        id.ifPresent(s -> store.jedis().set(endedKey(s), "1", SetParams.setParams().ex(LIFETIME.toSeconds())));
        response.addHeader("Set-Cookie", cookie(request, "").maxAge(Duration.ZERO).build().toString());
        return id;
    }

    private Optional<String> presented(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(this::issuedByUs).findFirst().filter(id -> !ended(id));
    }

    /** While Redis is away nothing can be read or sent anyway; the caller then answers "busy", not a new chat. */
    private boolean ended(String id) {
        try {
            return store.jedis().exists(endedKey(id));
        } catch (JedisException e) {
            return false;
        }
    }

    private String issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = random + "." + signature(random);
        response.addHeader("Set-Cookie", cookie(request, id).maxAge(LIFETIME).build().toString());
        return id;
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String value) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).sameSite("Lax").path("/").secure(request.isSecure());
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
