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
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Two instances on one Redis: a console page open on B hears of a case change made on A. */
class ConsoleAcrossInstancesTest {

    @TempDir
    Path data;

    @Test
    @org.junit.jupiter.api.Disabled("fails: the change made on A never reaches B's console stream within a minute, "
            + "although CaseChangeFeed follows cases:notices on every instance; cause not found yet (issue 12)")
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
            try (Socket stream = openStream(b.port(), console)) {
                assertThat(a.bean(CaseWork.class).claim(t, new Actor("web:clerk", "Li"), null).done()).isTrue();
                StringBuilder seen = new StringBuilder();
                InputStream in = stream.getInputStream();
                await().atMost(Duration.ofMinutes(1)).until(() -> {
                    while (in.available() > 0) {
                        seen.append((char) in.read());
                    }
                    return seen.toString().replace(" ", "").contains("data:" + t);
                });
                assertThat(seen.toString()).contains("event:case");
            }
        }
    }

    private static Map<String, String> props(EmbeddedRedis redis) {
        return Map.of("teahouse.redis.url", redis.url(), "teahouse.admin.password", "correct-horse-battery-staple",
                "teahouse.cases.poll-interval", "1h");
    }

    /** GET /staff/api/stream with the session's cookies; returns once the stream said hello. */
    private static Socket openStream(int port, ConsoleClient console) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        String cookie = String.join("; ", console.cookies().getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        socket.getOutputStream().write(("GET /staff/api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.setSoTimeout(60_000);
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("hello")) {
            int c = socket.getInputStream().read();
            assertThat(c).as("the stream is open: %s", seen).isNotNegative();
            seen.append((char) c);
        }
        return socket;
    }
}
