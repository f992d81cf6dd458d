package com.teahouse.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.testsupport.TestHotline;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live stream opens at once, even when the chat has nothing to say yet: the page (EventSource) sees it open
 * and a proxy sees a response, instead of both waiting for the first heartbeat (20 s by default, kept here).
 */
class EventStreamOpensTest {

    @TempDir
    Path data;

    @Test
    void aQuietChatsStreamAnswersBeforeTheFirstHeartbeat() throws Exception {
        try (TestHotline app = TestHotline.start(data, Map.of("teahouse.limits.heartbeat", "60s"))) {
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<InputStream>> opened = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/chat/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            // well inside the heartbeat: only a write on open answers this soon
            await().atMost(Duration.ofSeconds(20)).until(opened::isDone);
            HttpResponse<InputStream> response = opened.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            try (InputStream body = response.body()) {
                assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo(":open");
            }
        }
    }
}
