package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.staff.StaffRole;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestHotline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two instances on one Redis: a console page open on B hears of a case change made on A (through the notices
 * stream, which every instance follows: CaseChangeFeed).
 */
class ConsoleAcrossInstancesTest {

    @TempDir
    Path data;

    @Test
    void aChangeMadeOnOneInstanceShowsOnAnotherInstancesConsoleStream() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"));
             TestHotline a = TestHotline.start(data.resolve("a"), props(redis));
             TestHotline b = TestHotline.start(data.resolve("b"), props(redis))) {
            Address owner = Address.of("web", "w-" + UUID.randomUUID());
            String t = a.bean(CaseDesk.class).open(new CaseRequest(UUID.randomUUID().toString(), owner, "zh",
                    CaseRequest.Kind.COMPLAINT, "payment", "拖欠货款", List.of(), "奎文区", "某公司", null, "张三",
                    "13800000000", false, List.of())).trackingNumber();
            String unit = a.bean(CaseWork.class).get(t).orElseThrow().unit();
            a.bean(AccountStore.class).create(new Account("clerk", a.bean(PasswordEncoder.class)
                    .encode("clerk-password-123"), Set.of(StaffRole.STAFF), unit, "Li", "01", null));
            ConsoleClient console = new ConsoleClient(b.port());
            assertThat(console.login("clerk", "clerk-password-123")).isTrue();
            HttpClient http = HttpClient.newBuilder().cookieHandler(console.cookies()).build();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + b.port() + "/staff/api/stream"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            // the body is chunked: read it decoded, line by line (a raw socket would see chunk sizes between
            // "data:" and the number, as each part of an event is flushed on its own)
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> stream.body().forEach(lines::add), "stream-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                await().atMost(Duration.ofMinutes(1)).until(() -> lines.contains("event:hello"));
                assertThat(a.bean(CaseWork.class).claim(t, new Actor("web:clerk", "Li"), null).done()).isTrue();
                await().atMost(Duration.ofMinutes(1)).until(() -> lines.contains("data:" + t));
                assertThat(lines).contains("event:case");
            } finally {
                stream.body().close();
            }
        }
    }

    private static Map<String, String> props(EmbeddedRedis redis) {
        return Map.of("teahouse.redis.url", redis.url(), "teahouse.admin.password", "correct-horse-battery-staple",
                "teahouse.cases.poll-interval", "1h");
    }
}
