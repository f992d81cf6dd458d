package com.teahouse.staff.internal;

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

/** One console user over real HTTP: its own cookies (one server session), the login form, the JSON API. */
final class ConsoleClient {

    record Answer(int status, String body, String location) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String loginToken;

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the login page (a session and its CSRF token), ready to {@link #submitLogin}. */
    ConsoleClient openLogin() {
        Matcher m = TOKEN.matcher(send(HttpRequest.newBuilder(URI.create(base + "/staff/login")).GET()).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        loginToken = m.group(1);
        return this;
    }

    /** True when the login succeeded (redirect to the console, not back to the login page). */
    boolean submitLogin(String username, String password) {
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(loginToken);
        Answer a = send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return a.status() == 302 && a.location() != null && !a.location().contains("/staff/login");
    }

    boolean login(String username, String password) {
        return openLogin().submitLogin(username, password);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** A JSON POST with the CSRF token that GET /staff/api/me hands out. */
    Answer post(String path, Object body) {
        JsonNode csrf = get("/staff/api/me").json().get("csrf");
        return postWith(path, body, csrf.get("header").asText(), csrf.get("token").asText());
    }

    Answer postWith(String path, Object body, String header, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                            : JSON.writeValueAsString(body)));
            if (header != null) {
                b.header(header, token);
            }
            return send(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CookieManager cookies() {
        return cookies;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
