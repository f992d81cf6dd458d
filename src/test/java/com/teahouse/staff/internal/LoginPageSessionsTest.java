package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.testsupport.TestHotline;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * F24, the login page: it is the one console page that makes a server session for anyone (its CSRF token lives
 * there). Its loads count against the client address's rate limit, and the session it makes lives 5 minutes until
 * someone logs in with it, which gives it the configured 30.
 */
class LoginPageSessionsTest {

    static final Pattern HIDDEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path data;

    @Test
    void anonymousLoginPageLoadsCostFewShortLivedSessions() throws Exception {
        try (TestHotline app = TestHotline.start(data, Map.of("teahouse.admin.password", "correct-horse-battery-staple",
                "teahouse.limits.client-address.capacity", "12",
                "teahouse.limits.client-address.refill", "1",
                "teahouse.limits.client-address.period", "1h"))) {
            // one who logs in: the session the page made gets the full timeout at the first request after login
            CookieManager cookies = new CookieManager();
            HttpClient staff = HttpClient.newBuilder().cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String page = staff.send(get(app, "/staff/login"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(session(app, cookies).getMaxInactiveInterval()).isEqualTo(300);
            Matcher token = HIDDEN.matcher(page);
            assertThat(token.find()).isTrue();
            HttpResponse<String> in = staff.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                            + URLEncoder.encode("correct-horse-battery-staple", StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.headers().firstValue("Location")).get().asString().doesNotContain("error");
            assertThat(staff.send(get(app, "/staff/api/me"), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            assertThat(session(app, cookies).getMaxInactiveInterval()).isEqualTo(30 * 60);

            // anonymous loads, each without a cookie: over the address's limit they are refused before any session
            int before = manager(app).getManager().findSessions().length;
            List<Integer> statuses = new ArrayList<>();
            HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (int i = 0; i < 30; i++) {
                statuses.add(anonymous.send(get(app, "/staff/login"), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            }
            long served = statuses.stream().filter(s -> s == 200).count();
            assertThat(statuses).contains(429).containsOnly(200, 429);
            assertThat(served).isLessThanOrEqualTo(12);
            Session[] now = manager(app).getManager().findSessions();
            assertThat(now.length - before).isEqualTo((int) served);
            long shortLived = java.util.Arrays.stream(now).filter(s -> s.getMaxInactiveInterval() == 300).count();
            assertThat(shortLived).isEqualTo(served);
        }
    }

    private static HttpRequest get(TestHotline app, String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build();
    }

    private static Context manager(TestHotline app) {
        TomcatWebServer web = (TomcatWebServer) ((ServletWebServerApplicationContext) app.context()).getWebServer();
        return (Context) web.getTomcat().getHost().findChildren()[0];
    }

    private static Session session(TestHotline app, CookieManager cookies) throws Exception {
        String id = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return manager(app).getManager().findSession(id);
    }
}
