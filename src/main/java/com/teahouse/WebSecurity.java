package com.teahouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what over HTTP. The public chat and the knowledge search are open, but not the search's
 * explain mode, which needs a staff login (the chat is keyed by its own
 * unguessable cookie and accepts JSON only, which a cross-site form cannot send); operations endpoints show
 * health to everyone; the staff console ({@code /staff}) needs a staff login (accounts and roles live in the
 * staff module; fine-grained checks per case are there too); everything else needs a login. CSRF protection
 * stays on for everything but the public chat: console pages carry the token, its API calls send it back.
 * The token lives in the server session (never in a cookie a script or a sibling site could read or plant).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/index.html", "/chat.js", "/chat.css", "/favicon.ico").permitAll()
                        .requestMatchers(knowledgeExplain()).hasAnyRole("STAFF", "SUPERVISOR", "POLICY_EDITOR", "ADMIN")
                        .requestMatchers("/api/chat/**", "/api/knowledge/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/staff/login", "/staff/console.css").permitAll()
                        .requestMatchers("/staff/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/staff/**").authenticated()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .ignoringRequestMatchers("/api/chat/**"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "connect-src 'self'; frame-ancestors 'none'")))
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
}
