package com.teahouse.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The hotline as its own process, killed with SIGKILL in the middle of a complaint and started again on the same
 * data directory: the next message continues the form where it stopped.
 */
class KillMidComplaintTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @Test
    void theFormContinuesAfterKillDashNine() throws Exception {
        port = freePort();
        Process first = startHotline();
        try {
            awaitUp();
            say("/complain");
            say("拖欠账款、保证金不退");
            say("区政府下属单位拖欠我公司工程款一百二十万元，已超过合同约定付款期限一年多。");
            awaitReplies(3);
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, the redis-server child is orphaned
        }
        Process second = startHotline();
        try {
            awaitUp();
            say("奎文区");
            List<String> lines = awaitReplies(4);
            assertThat(lines.get(lines.size() - 1)).contains("企业名称");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process startHotline() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "com.teahouse.App", "--server.port=" + port,
                "--teahouse.data-dir=" + data, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile()).start();
    }

    private void awaitUp() throws Exception {
        long end = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < end) {
            try {
                var health = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.body().startsWith("{\"status\":\"UP\"")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the hotline did not come up: " + Files.readString(data.resolve("app.log")));
    }

    private void say(String text) throws Exception {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\",\"lang\":\"zh\"}";
        var response = http.send(HttpRequest.newBuilder(url("/api/chat/send")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    /** The bot's lines of this chat, read from the transcript in the app's redis-server. */
    private List<String> awaitReplies(int count) throws Exception {
        String session = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("teahouse_chat")).findFirst().orElseThrow().getValue();
        long end = System.currentTimeMillis() + 30_000;
        List<String> bot = List.of();
        try (Jedis jedis = com.teahouse.store.internal.EmbeddedRedis.connect(data.resolve("redis"))) {
            while (System.currentTimeMillis() < end) {
                bot = jedis.xrange("teahouse:web:transcript:" + session, "-", "+").stream()
                        .map(e -> e.getFields().get("line")).filter(l -> l.contains("\"from\":\"bot\"")).toList();
                if (bot.size() >= count) {
                    return bot;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("expected " + count + " replies, got " + bot);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
