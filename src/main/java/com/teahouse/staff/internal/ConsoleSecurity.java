package com.teahouse.staff.internal;

import com.teahouse.store.RedisStore;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console logins: accounts from Redis with bcrypt hashes, and a throttle: after 5 failed attempts an account
 * is locked for 15 minutes (checked before the password, so guessing on stops working), counted in Redis so
 * that every instance agrees.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final RedisStore redis;

    ConsoleSecurity(RedisStore redis) {
        this.redis = redis;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUsers(AccountStore accounts) {
        return username -> {
            Account a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
            return User.withUsername(a.username()).password(a.passwordHash())
                    .roles(a.roles().stream().map(Enum::name).toArray(String[]::new))
                    .accountLocked(failures(username) >= MAX_FAILURES).build();
        };
    }

    private long failures(String username) {
        String n = redis.jedis().get(failKey(username));
        return n == null ? 0 : Long.parseLong(n);
    }

    private String failKey(String username) {
        return redis.key("staff:login-fail:" + username);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        String key = failKey(String.valueOf(e.getAuthentication().getName()));
        if (redis.jedis().incr(key) == 1) {
            redis.jedis().expire(key, LOCK.toSeconds());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        redis.jedis().del(failKey(e.getAuthentication().getName()));
    }
}
