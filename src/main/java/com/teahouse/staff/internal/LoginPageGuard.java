package com.teahouse.staff.internal;

import com.teahouse.limits.RateLimiter;
import com.teahouse.limits.RateLimiter.Scope;
import com.teahouse.limits.RateLimiter.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login page is the one console URL that makes a server session for anyone: its form carries a CSRF token,
 * and that token lives in the session. So the page is counted against the client address's rate limit (429 over
 * it, before any session exists), and a session it makes lives {@link #BEFORE_LOGIN} until someone logs in with
 * it ({@link SessionGuard} then gives it the configured timeout). Anonymous page loads cost little memory, and
 * not for long (F24).
 */
@Configuration(proxyBeanMethods = false)
class LoginPageGuard {

    static final Duration BEFORE_LOGIN = Duration.ofMinutes(5);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginPageGuardFilter(RateLimiter limiter) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(limiter));
        registration.addUrlPatterns("/staff/login");
        registration.setName("staffLoginPageGuard");
        // before Spring Security (-100), so a refused load never reaches the CSRF token and its session
        registration.setOrder(-200);
        return registration;
    }

    /** The configured session timeout (server.servlet.session.timeout), for a session that has logged in. */
    static void loggedIn(HttpServletRequest request, HttpSession session) {
        int configured = request.getServletContext().getSessionTimeout() * 60;
        if (configured > 0 && session.getMaxInactiveInterval() != configured) {
            session.setMaxInactiveInterval(configured);
        }
    }

    private static final class Filter extends OncePerRequestFilter {

        private final RateLimiter limiter;

        Filter(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            Verdict verdict = limiter.take(Scope.CLIENT_ADDRESS, request.getRemoteAddr());
            if (!verdict.allowed()) {
                response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                response.sendError(429);
                return;
            }
            if (request.getSession(false) == null) {
                // the form's CSRF token would make it anyway; made here, it is short-lived before anything is sent
                request.getSession(true).setMaxInactiveInterval((int) BEFORE_LOGIN.toSeconds());
            }
            chain.doFilter(request, response);
        }
    }
}
