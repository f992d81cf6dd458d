package com.teahouse.limits;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** One browser of the web chat: its own cookie jar, talking HTTP to a running hotline. */
final class WebClient {

    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    WebClient(String base) {
        this.base = base;
    }

    /** Opens the chat (the server issues the id) and returns it. */
    String open() throws Exception {
        get("/api/chat/session?lang=en");
        return session();
    }

    String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("teahouse_chat"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> say(String text) throws Exception {
        return post("/api/chat/send", "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\",\"lang\":\"en\"}");
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
