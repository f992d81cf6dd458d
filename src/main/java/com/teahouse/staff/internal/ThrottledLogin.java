package com.teahouse.staff.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's login: the name is checked against {@link Usernames} first (nothing is written for a bad one),
 * then {@link LoginThrottle} decides whether a password check may run at all, then bcrypt. A successful login
 * carries the account's generation ({@link LoginStamp}), read before the password check so that a change made
 * meanwhile still ends the new session.
 */
class ThrottledLogin implements AuthenticationProvider {

    /** Refused without a password check; the login page says "try again later". */
    static final class Throttled extends AuthenticationException {
        Throttled(Duration wait) {
            super("throttled for " + wait.toSeconds() + " s");
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AccountStore accounts;

    ThrottledLogin(DaoAuthenticationProvider passwords, LoginThrottle throttle, AccountStore accounts) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        if (!Usernames.valid(username)) {
            throw new BadCredentialsException("bad username");
        }
        String ip = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "-";
        Duration wait = throttle.enter(ip, username);
        if (!wait.isZero()) {
            throw new Throttled(wait);
        }
        if (String.valueOf(attempt.getCredentials()).getBytes(StandardCharsets.UTF_8).length
                > PasswordPolicy.MAX_BYTES) {
            throw new BadCredentialsException("no password is that long");
        }
        long generation = accounts.status(username).map(AccountStatus::generation).orElse(0L);
        Authentication ok = passwords.authenticate(attempt);
        throttle.passed(ip, username);
        UsernamePasswordAuthenticationToken stamped = UsernamePasswordAuthenticationToken.authenticated(
                ok.getPrincipal(), null, ok.getAuthorities());
        stamped.setDetails(new LoginStamp(generation));
        return stamped;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
