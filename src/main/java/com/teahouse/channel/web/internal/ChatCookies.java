package com.teahouse.channel.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The web chat's cookie (F10), a bearer credential: HttpOnly, SameSite=Lax, and over HTTPS (directly, through a
 * trusted proxy, or always with {@code teahouse.web.session.secure-cookie}) named {@code __Host-teahouse_chat}:
 * Secure, Path=/, no Domain, so neither a sibling subdomain nor a plain-http page can plant or overwrite it. On
 * plain http (local development) it stays {@code teahouse_chat}, which browsers would refuse with the prefix.
 */
@Component
class ChatCookies {

    static final String COOKIE = "teahouse_chat";
    static final String SECURE_COOKIE = "__Host-" + COOKIE;

    private final WebSessionProperties props;

    ChatCookies(WebSessionProperties props) {
        this.props = props;
    }

    /** The first valid value presented: the __Host- cookie first, then the http-era name. */
    Optional<String> presented(HttpServletRequest request, Predicate<String> valid) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (String name : List.of(SECURE_COOKIE, COOKIE)) {
            Optional<String> id = Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                    .filter(valid).findFirst();
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** Sets the id for {@code lifetime}; over HTTPS under the __Host- name, clearing an http-era cookie. */
    void set(HttpServletRequest request, HttpServletResponse response, String id, Duration lifetime) {
        boolean secure = secure(request);
        response.addHeader("Set-Cookie", cookie(secure ? SECURE_COOKIE : COOKIE, id, secure).maxAge(lifetime).build()
                .toString());
        if (secure && has(request, COOKIE)) {
            response.addHeader("Set-Cookie", cookie(COOKIE, "", false).maxAge(Duration.ZERO).build().toString());
        }
    }

    /** An http-era cookie presented over HTTPS: the same id moves to the __Host- name. */
    void upgrade(HttpServletRequest request, HttpServletResponse response, String id, Duration lifetime) {
        if (secure(request) && !has(request, SECURE_COOKIE)) {
            set(request, response, id, lifetime);
        }
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        for (String name : List.of(COOKIE, SECURE_COOKIE)) {
            if (has(request, name)) {
                response.addHeader("Set-Cookie", cookie(name, "", name.equals(SECURE_COOKIE)).maxAge(Duration.ZERO)
                        .build().toString());
            }
        }
    }

    private boolean secure(HttpServletRequest request) {
        return props.secureCookie() || request.isSecure();
    }

    private static boolean has(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> name.equals(c.getName()));
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(String name, String value, boolean secure) {
        return ResponseCookie.from(name, value).httpOnly(true).sameSite("Lax").path("/").secure(secure);
    }
}
