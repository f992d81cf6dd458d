package com.teahouse.channel.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;

/**
 * A web chat is identified by a random id in an HttpOnly cookie: unguessable, so nobody reads another's chat
 * or cases by knowing its address.
 */
final class WebSessions {

    static final String COOKIE = "teahouse_chat";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSessions() {
    }

    static String current(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            var found = Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                    .map(Cookie::getValue).filter(v -> v != null && VALID.matcher(v).matches()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, id).httpOnly(true).sameSite("Lax").path("/")
                .maxAge(Duration.ofDays(30)).secure(request.isSecure()).build();
        response.addHeader("Set-Cookie", cookie.toString());
        return id;
    }
}
