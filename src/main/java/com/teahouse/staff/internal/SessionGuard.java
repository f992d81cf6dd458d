package com.teahouse.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security on every console request. A session whose account was disabled, removed or changed
 * since the login (its {@link LoginStamp} is older than the account's generation) is ended here, on whichever
 * instance it lives: sessions are in each instance's memory, the generation is in Redis. An account with a
 * generated first password reaches only its own-password page and API until it sets its own.
 */
@Configuration(proxyBeanMethods = false)
class SessionGuard {

    /** What a console user with a generated password may still open. */
    private static final Set<String> WHILE_CHANGING = Set.of("/staff/account", "/staff/api/me",
            "/staff/api/me/password", "/staff/logout", "/staff/console.js", "/staff/console.css", "/staff/account.js");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionGuardFilter(AccountStore accounts) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(accounts));
        registration.addUrlPatterns("/staff/*");
        registration.setName("staffSessionGuard");
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final AccountStore accounts;

        Filter(AccountStore accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !(auth.getDetails() instanceof LoginStamp stamp)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<AccountStatus> status = accounts.status(auth.getName());
            if (status.isEmpty() || status.get().disabled() || status.get().generation() != stamp.generation()) {
                end(request, response);
                return;
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                LoginPageGuard.loggedIn(request, session); // no longer the login page's short-lived session
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (status.get().mustChange() && !WHILE_CHANGING.contains(path)) {
                if (path.startsWith("/staff/api/")) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "password change required");
                } else {
                    response.sendRedirect(request.getContextPath() + "/staff/account");
                }
                return;
            }
            chain.doFilter(request, response);
        }

        private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (request.getRequestURI().startsWith(request.getContextPath() + "/staff/api/")) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/staff/login");
            }
        }
    }
}
