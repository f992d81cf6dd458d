package com.teahouse.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing one's own password: the current one is checked (throttled like a login), the new one follows
 * {@link PasswordPolicy}. Every other session of the account ends; this one continues under the new generation.
 */
@RestController
class MyAccountApi {

    record NewPassword(String current, String password) {
    }

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AccountChanges changes;
    private final FirstAdmin firstAdmin;

    MyAccountApi(AccountStore accounts, PasswordEncoder encoder, LoginThrottle throttle, AccountChanges changes,
            FirstAdmin firstAdmin) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.changes = changes;
        this.firstAdmin = firstAdmin;
    }

    @PostMapping("/staff/api/me/password")
    Map<String, Object> change(Authentication auth, @RequestBody NewPassword in, HttpServletRequest request,
            HttpServletResponse response) {
        String username = auth.getName();
        Account me = accounts.find(username).orElseThrow(() -> new AccountProblem(HttpStatus.UNAUTHORIZED,
                "account.unknown"));
        PasswordPolicy.problem(in.password(), username).ifPresent(key -> {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, key);
        });
        if (in.current() == null || in.current().getBytes(StandardCharsets.UTF_8).length
                > PasswordPolicy.MAX_BYTES) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.password.wrong-current");
        }
        Duration wait = throttle.enter(request.getRemoteAddr(), username);
        if (!wait.isZero()) {
            throw new AccountProblem(HttpStatus.TOO_MANY_REQUESTS, "account.throttled");
        }
        if (!encoder.matches(in.current(), me.passwordHash())) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.password.wrong-current");
        }
        throttle.passed(request.getRemoteAddr(), username);
        if (in.current().equals(in.password())) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.password.unchanged");
        }
        long generation = accounts.setPassword(username, encoder.encode(in.password()), false);
        keepThisSession(auth, generation, request, response);
        firstAdmin.passwordChanged(username);
        changes.changed(username, "own-password", username, "");
        return Map.of("changed", username);
    }

    private static void keepThisSession(Authentication auth, long generation, HttpServletRequest request,
            HttpServletResponse response) {
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(
                auth.getPrincipal(), null, auth.getAuthorities());
        renewed.setDetails(new LoginStamp(generation));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
