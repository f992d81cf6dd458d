package com.teahouse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One console user over real HTTP, as the tests of every module need it: its own cookies (one server session), the
 * login form with its CSRF token, JSON calls carrying the token that {@code GET /staff/api/me} hands out, pages and
 * downloads. Modules' test clients extend it only to name their login style.
 */
public class ConsoleHttp {

    /** An answer: status, raw bytes (an XLSX, a zip), content type and redirect target. */
    public record Answer(int status, byte[] bytes, String contentType, String location) {
        /** The body as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String text() {
            return body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(body(), e);
            }
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String loginToken;

    public ConsoleHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the login page (a session and its CSRF token), ready to {@link #submitLogin}. */
    public ConsoleHttp openLogin() {
        Matcher m = TOKEN.matcher(page("/staff/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        loginToken = m.group(1);
        return this;
    }

    /** True when the login succeeded (a redirect to the console, not back to the login page). */
    public boolean submitLogin(String username, String password) {
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(loginToken);
        Answer a = send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return a.status() == 302 && a.location() != null && !a.location().contains("/staff/login");
    }

    /** Logs in, or fails the test: for users the test has just made. */
    protected final void mustLogIn(String username, String password) {
        if (!openLogin().submitLogin(username, password)) {
            throw new IllegalStateException(username + " could not log in");
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** A page, as a browser asks for it. */
    public Answer page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** A file (XLSX, zip, a printable page) in the zh console's language. */
    public Answer download(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN").GET());
    }

    public Answer put(String path, Object body) {
        return write("PUT", path, body, true);
    }

    public Answer post(String path, Object body) {
        return write("POST", path, body, true);
    }

    public Answer delete(String path) {
        return write("DELETE", path, null, true);
    }

    /** A JSON change with or without the session's CSRF token. */
    public Answer write(String method, String path, Object body, boolean withCsrf) {
        if (!withCsrf) {
            return writeWith(method, path, body, null, null);
        }
        JsonNode csrf = get("/staff/api/me").json().get("csrf");
        return writeWith(method, path, body, csrf.get("header").asText(), csrf.get("token").asText());
    }

    /** A JSON POST with a token of the caller's choosing (a stale or foreign one, to see it refused). */
    public Answer postWith(String path, Object body, String header, String token) {
        return writeWith("POST", path, body, header, token);
    }

    public CookieManager cookies() {
        return cookies;
    }

    private Answer writeWith(String method, String path, Object body, String header, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                                    : JSON.writeValueAsString(body)));
            if (header != null) {
                b.header(header, token);
            }
            return send(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
