package com.teahouse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which knowledge requests need a staff login: the explain mode, however it is spelled, and only it. */
class WebSecurityExplainTest {

    private final RequestMatcher explain = WebSecurity.knowledgeExplain();

    private static MockHttpServletRequest get(String path, String... params) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        r.setRequestURI(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            r.addParameter(params[i], params[i + 1]);
        }
        return r;
    }

    @Test
    void explainNeedsALogin() {
        assertTrue(explain.matches(get("/api/knowledge/search", "q", "x", "explain", "true")));
        assertTrue(explain.matches(get("/api/knowledge/search", "q", "x", "explain", "on")));
        assertTrue(explain.matches(get("/api/knowledge/search", "q", "x", "explain", "")));
    }

    @Test
    void thePlainSearchStaysOpen() {
        assertFalse(explain.matches(get("/api/knowledge/search", "q", "x")));
        assertFalse(explain.matches(get("/api/chat/send", "explain", "true")));
    }
}
