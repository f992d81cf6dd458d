package com.teahouse.staff.internal;

import com.teahouse.store.RedisStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Login attempts per client IP and per account, with exponential backoff, decided atomically in Redis
 * (staff/login-gate.lua) before any password is checked: a burst of parallel guesses gets at most
 * {@link #FREE_ATTEMPTS} bcrypt checks, on every instance together. Nothing is ever locked for good: the wait
 * grows from {@link #BASE} to {@link #LONGEST}, records fade after {@link #KEEP}, and an IP without failures may
 * still try an account that backs off (so nobody can shut the last admin out from elsewhere).
 *
 * <p>A token bucket (Bucket4j) refills at a fixed rate and cannot express a doubling wait, hence the script.
 * Keys hold the account name (validated, at most 64 characters) and a hash of the IP.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration KEEP = Duration.ofHours(1);

    private final RedisStore redis;
    private final StaffScripts scripts;
    private final Clock clock;

    LoginThrottle(RedisStore redis, StaffScripts scripts, Clock clock) {
        this.redis = redis;
        this.scripts = scripts;
        this.clock = clock;
    }

    /** Zero when the attempt may go ahead (it counts as a failure until {@link #passed}); else how long to wait. */
    Duration enter(String ip, String username) {
        long wait = scripts.run("login-gate", keys(ip, username), List.of(Long.toString(clock.millis()),
                Integer.toString(FREE_ATTEMPTS), Long.toString(BASE.toMillis()), Long.toString(LONGEST.toMillis()),
                Long.toString(KEEP.toMillis())));
        return Duration.ofMillis(wait);
    }

    void passed(String ip, String username) {
        scripts.run("login-passed", keys(ip, username), List.of());
    }

    private List<String> keys(String ip, String username) {
        if (!Usernames.valid(username)) {
            throw new IllegalArgumentException("username not validated");
        }
        return List.of(redis.key("staff:login:ip:" + sha256(String.valueOf(ip))),
                redis.key("staff:login:account:" + username));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
