package com.teahouse.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestHotline;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Limits on the public web chat, against the whole hotline: body cap, strict input, rate limits with a fair lane,
 * and server-issued chat ids. Limits are set low here so that a test can reach them.
 */
class PublicLimitsTest {

    static final int QUEUED_PER_CHAT = 5;

    @TempDir
    static Path data;
    static TestHotline app;
    static UnifiedJedis redis;
    static RedisStore store;

    @BeforeAll
    static void start() {
        app = TestHotline.start(data, Map.of(
                "teahouse.limits.web-session.capacity", "10",
                "teahouse.limits.web-session.refill", "1",
                "teahouse.limits.web-session.period", "1s",
                "teahouse.limits.client-address.capacity", "100000",
                "teahouse.limits.client-address.refill", "100000",
                "teahouse.limits.client-address.period", "1s",
                "teahouse.messaging.max-queued-per-chat", Integer.toString(QUEUED_PER_CHAT)));
        store = app.bean(RedisStore.class);
        redis = store.jedis();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTwentyMegabyteBodyIsRefusedWith413AndStoresNothing() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        openGreeted(client);
        java.util.Set<String> keys = allKeys();
        long inbox = inboxLength();
        String huge = "{\"id\":\"a1\",\"button\":\"x\",\"ref\":\"" + "A".repeat(20 * 1024 * 1024) + "\"}";

        HttpResponse<String> declared = client.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/api/chat/send")).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        // without a length the server stops reading at the cap, answers 413 and closes the connection; the client
        // may still be uploading then, so it sees either the 413 or the connection closed under it
        String chunked;
        try {
            HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                            + "/api/chat/send")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingBody(20 * 1024 * 1024)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            chunked = r.statusCode() + " " + r.body();
            assertThat(r.statusCode()).isEqualTo(413);
        } catch (java.io.IOException closedWhileUploading) {
            chunked = "connection closed by the server (" + closedWhileUploading.getMessage() + ")";
        }

        System.out.printf("[limits] 20 MB with Content-Length -> %d %s; 20 MB chunked -> %s%n",
                declared.statusCode(), declared.body(), chunked);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("too large");
        java.util.Set<String> added = allKeys();
        added.removeAll(keys);
        // the app's own schedulers (leases, the retention sweeper's cursors) may write while the test runs
        added.removeIf(k -> k.contains("lease:") || k.contains("retention:"));
        assertThat(added).as("no new key").isEmpty();
        assertThat(inboxLength()).as("nothing reached a lane").isEqualTo(inbox);
    }

    @Test
    void unknownFieldsAndBadRefsAreRefusedWith400() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        client.open();
        long inbox = inboxLength();
        assertThat(client.post("/api/chat/send", "{\"id\":\"a2\",\"text\":\"hi\",\"admin\":true}").statusCode())
                .isEqualTo(400);
        assertThat(client.post("/api/chat/send", "{\"id\":\"a3\",\"button\":\"x\",\"ref\":\"<script>\"}")
                .statusCode()).isEqualTo(400);
        assertThat(client.post("/api/chat/send", "{\"id\":\"a4\",\"button\":\"x\",\"ref\":\"" + "1".repeat(65)
                + "\"}").statusCode()).isEqualTo(400);
        assertThat(client.post("/api/chat/send", "not json").statusCode()).isEqualTo(400);
        assertThat(inboxLength()).isEqualTo(inbox);
    }

    @Test
    void aFloodingChatGets429sWhileAnotherChatOnTheSameLaneIsAnsweredFirst() throws Exception {
        MessagingKeys keys = app.bean(MessagingKeys.class);
        WebClient flooder = new WebClient(app.baseUrl());
        String flooderChat = flooder.open();
        int lane = keys.shardOf(Address.of("web", flooderChat));
        WebClient victim = null;
        for (int i = 0; i < 500 && victim == null; i++) {
            WebClient candidate = new WebClient(app.baseUrl());
            if (keys.shardOf(Address.of("web", candidate.open())) == lane) {
                victim = candidate;
            }
        }
        assertThat(victim).as("a second chat on the flooder's lane").isNotNull();

        List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
        Thread flood = new Thread(() -> {
            try {
                for (int i = 0; i < 500; i++) {
                    answers.add(flooder.say("flood " + i));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        flood.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> answers.stream().anyMatch(r -> r.statusCode() == 429));

        long flooderStepsAtSend = committedSteps(flooderChat);
        long sent = System.nanoTime();
        assertThat(victim.say("hello").statusCode()).isEqualTo(202);
        String victimChat = victim.session();
        AtomicLong answered = new AtomicLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            boolean replied = botLines(victimChat) > 0;
            if (replied) {
                answered.compareAndSet(0, System.nanoTime());
            }
            return replied;
        });
        long flooderStepsAtReply = committedSteps(flooderChat);
        int answersAtReply = answers.size();
        flood.join();

        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        long accepted = answers.stream().filter(r -> r.statusCode() == 202).count();
        System.out.printf("[limits] burst of 500 from one chat: %d accepted, %d refused with 429; victim on the same "
                        + "lane answered after %d ms, while the flooder had sent %d; flooder steps run meanwhile: %d%n",
                accepted, refused, Duration.ofNanos(answered.get() - sent).toMillis(), answersAtReply,
                flooderStepsAtReply - flooderStepsAtSend);
        assertThat(refused).as("most of the burst is refused").isGreaterThan(400);
        assertThat(answers).filteredOn(r -> r.statusCode() == 429)
                .allSatisfy(r -> {
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    assertThat(r.body()).contains("too fast");
                });
        // by order, not by time: the lane runs in stream order, and the flooder could have at most its queue's fill
        // ahead of the victim; anything it sent later waited behind the victim
        assertThat(flooderStepsAtReply - flooderStepsAtSend).isLessThanOrEqualTo(QUEUED_PER_CHAT + 1);
    }

    @Test
    void aChatCannotQueueMoreThanItsShareOfTheLane() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        String chat = openGreeted(client);
        String key = store.key("queued:web:" + chat);
        // as if the lane were busy: the chat's count is at the bound, so the next message is refused
        redis.set(key, Integer.toString(QUEUED_PER_CHAT));
        long inbox = inboxLength();
        HttpResponse<String> refused = client.say("one more");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("too fast");
        assertThat(inboxLength()).isEqualTo(inbox);
        redis.del(key);
        assertThat(client.say("now there is room").statusCode()).isEqualTo(202);
    }

    @Test
    void aForgedOrEndedChatIdIsReplacedByAFreshOne() throws Exception {
        WebClient forger = new WebClient(app.baseUrl());
        HttpResponse<String> forged = forger.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/chat/session")).header("Cookie", "teahouse_chat=AttackerChosenSessionId_00000001").build(),
                HttpResponse.BodyHandlers.ofString());
        String issued = forged.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(issued).startsWith("teahouse_chat=").doesNotContain("AttackerChosen").contains("HttpOnly");

        WebClient user = new WebClient(app.baseUrl());
        String chat = user.open();
        assertThat(user.open()).as("a valid id is kept").isEqualTo(chat);
        assertThat(user.post("/api/chat/end", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> afterEnd = user.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/chat/session")).header("Cookie", "teahouse_chat=" + chat).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterEnd.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain(chat);
    }

    @Test
    void behindATrustedHttpsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        HttpResponse<String> plain = client.get("/");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(plain.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
        assertThat(plain.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'");

        HttpResponse<String> proxied = client.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/api/chat/session")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=31536000");
        assertThat(proxied.headers().firstValue("Set-Cookie")).get().asString().contains("Secure");
    }

    @Test
    void anonymousHitsCreateNoServerSessionAndMetricsAreNotPublic() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        for (String path : List.of("/staff/api/queue", "/actuator/prometheus", "/api/chat/session", "/")) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        assertThat(client.get("/staff/api/queue").statusCode()).isEqualTo(401);
        assertThat(client.get("/actuator/prometheus").statusCode()).isIn(401, 404);
        assertThat(client.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsAndHealthDetailsAreOnTheLoopbackManagementPort() throws Exception {
        String port = app.context().getEnvironment().getProperty("local.management.port");
        assertThat(port).isNotNull().isNotEqualTo(Integer.toString(app.port()));
        WebClient scraper = new WebClient("http://127.0.0.1:" + port);
        HttpResponse<String> metrics = scraper.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("teahouse_");
        assertThat(scraper.get("/actuator/health").body()).contains("\"components\"");
    }

    private static long inboxLength() {
        MessagingKeys keys = app.bean(MessagingKeys.class);
        long total = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            total += redis.exists(keys.inbox(shard)) ? redis.xlen(keys.inbox(shard)) : 0;
        }
        return total;
    }

    private static long botLines(String chat) {
        return redis.xrange(store.key("web:transcript:" + chat), "-", "+").stream()
                .filter(e -> e.getFields().get("line").contains("\"from\":\"bot\"")).count();
    }

    /** Steps of this chat that have run: each leaves its dedupe marker in the step's own transaction. */
    private static long committedSteps(String chat) {
        long count = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(store.key("update:web:" + chat + ":*")).count(1000);
        do {
            var page = redis.scan(cursor, match);
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return count;
    }

    /** A JSON-looking body that never ends before {@code size} bytes, sent without a Content-Length. */
    private static final class RepeatingBody extends InputStream {
        private final byte[] head = "{\"id\":\"a5\",\"button\":\"x\",\"ref\":\"".getBytes();
        private final long size;
        private long position;

        RepeatingBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return position < head.length ? head[(int) position++] : (position++ > 0 ? 'A' : 'A');
        }
    }

    private static java.util.Set<String> allKeys() {
        java.util.Set<String> out = new java.util.HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().count(1000));
            out.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return out;
    }

    /** Opens a new chat and waits for its greeting, which goes through the lane like any message. */
    private static String openGreeted(WebClient client) throws Exception {
        String chat = client.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.exists(store.key("web:transcript:" + chat)));
        return chat;
    }
}
