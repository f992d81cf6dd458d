package com.teahouse.staff.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console logins: accounts from Redis with bcrypt hashes, behind {@link ThrottledLogin}. Every bcrypt check is
 * counted ({@code teahouse_login_password_checks_total}) so that a burst of guesses shows on the dashboard.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    @Bean
    PasswordEncoder passwordEncoder(MeterRegistry meters) {
        Counter checks = Counter.builder("teahouse.login.password.checks")
                .description("bcrypt password checks (logins and password changes)").register(meters);
        return new BCryptPasswordEncoder() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.increment();
                return super.matches(raw, encoded);
            }
        };
    }

    @Bean
    AuthenticationProvider consoleLogin(AccountStore accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        UserDetailsService users = username -> {
            Account a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
            boolean disabled = accounts.status(username).map(AccountStatus::disabled).orElse(true);
            return User.withUsername(a.username()).password(a.passwordHash())
                    .roles(a.roles().stream().map(Enum::name).toArray(String[]::new)).disabled(disabled).build();
        };
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledLogin(passwords, throttle, accounts);
    }
}
