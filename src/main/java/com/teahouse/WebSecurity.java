package com.teahouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what over HTTP. The public chat and the knowledge search are open, but not the search's explain
 * mode, which needs a staff login (the chat is keyed by its own server-signed cookie and accepts JSON only, which a
 * cross-site form cannot send); health (status only) is open to a load balancer, metrics live on the management
 * port (loopback by default); the staff console ({@code /staff}) needs a staff login (accounts and roles live in the
 * staff module; fine-grained checks per case are there too); everything else needs a login. CSRF protection
 * stays on for everything but the public chat: console pages carry the token, its API calls send it back.
 * The token lives in the server session (never in a cookie a script or a sibling site could read or plant).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, Environment environment) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(onManagementPort(environment)).permitAll()
                        .requestMatchers("/", "/index.html", "/chat.js", "/chat.css", "/favicon.ico").permitAll()
                        .requestMatchers(knowledgeExplain()).hasAnyRole("STAFF", "SUPERVISOR", "POLICY_EDITOR", "ADMIN")
                        .requestMatchers("/api/chat/**", "/api/knowledge/**").permitAll()
                        // [webhook] Telegram's calls carry the webhook secret, checked by the channel
                        .requestMatchers(HttpMethod.POST, "/telegram/webhook").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/staff/login", "/staff/console.css").permitAll()
                        .requestMatchers("/staff/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/policy", "/policy/**").hasAnyRole("POLICY_EDITOR", "ADMIN")
                        .requestMatchers("/webjars/**").authenticated()
                        .requestMatchers("/staff/**").authenticated()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .ignoringRequestMatchers("/api/chat/**", "/telegram/webhook"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "connect-src 'self'; frame-ancestors 'none'"))
                        // HSTS is sent on HTTPS only, which behind a trusted proxy is X-Forwarded-Proto: https
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")))
                // anonymous hits keep no server session: nothing is saved to return to after login (the
                // console always starts at /staff), and the API answers 401 instead of a redirect
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/staff/api/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/policy/api/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))))
                .formLogin(form -> form.loginPage("/staff/login").loginProcessingUrl("/staff/login")
                        .defaultSuccessUrl("/staff", true).failureUrl("/staff/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    /**
     * "Why this answer" ({@code /api/knowledge/search?…&explain=…}) shows how the digest decides, for staff and
     * the policy office only; any value of the parameter counts, so no spelling of "true" slips through.
     */
    static RequestMatcher knowledgeExplain() {
        RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher("/api/knowledge/**");
        return request -> path.matches(request) && request.getParameter("explain") != null;
    }

    /**
     * Requests to the management port, when it is its own port (on loopback by default: reaching it at all is the
     * credential). Never the public port, even if an operator makes both the same.
     */
    private static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            String management = environment.getProperty("local.management.port");
            String server = environment.getProperty("local.server.port");
            return management != null && !management.equals(server)
                    && management.equals(Integer.toString(request.getLocalPort()));
        };
    }
}
