package com.teahouse.chaos;

import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test: Redis behind Sentinel ({@link ChaosRedis}), {@code instances} hotlines in webhook mode
 * behind a real HAProxy (from Debian's package), and the fake Bot API pushing updates to HAProxy. The staff forum is
 * a fake forum group, so each case's notice (its card in a topic) can be counted.
 */
final class ChaosCluster implements AutoCloseable {
    static final long STAFF_GROUP = -1001234500001L;
    private static final String SECRET = "chaos-webhook-secret_01";

    final FakeBotApiServer telegram = new FakeBotApiServer().start();
    final FakeChat staffForum = telegram.forumGroup(STAFF_GROUP, "Hotline staff",
            FakeUser.human(990001L, "Li", "zh-hans"));
    final ChaosRedis redis;
    final List<AppInstance> instances = new ArrayList<>();
    private final Path dir;
    private final int balancerPort = freePort();
    private Process haproxy;

    ChaosCluster(Path dir, int instanceCount, boolean rateLimitsAsTelegram) throws IOException {
        this.dir = dir;
        this.redis = new ChaosRedis(dir.resolve("redis"));
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instanceCount; i++) {
            ports.add(freePort());
        }
        startBalancer(ports);
        Map<String, String> env = new HashMap<>(redis.environment());
        env.put("TEAHOUSE_TELEGRAM_TOKEN", telegram.token());
        env.put("TEAHOUSE_TELEGRAM_WEBHOOK_SECRET", SECRET);
        List<String> args = new ArrayList<>(List.of("--teahouse.telegram.api-url=" + telegram.baseUrl(),
                "--teahouse.telegram.webhook.url=http://127.0.0.1:" + balancerPort + "/telegram/webhook",
                "--teahouse.telegram.staff-chat-id=" + STAFF_GROUP,
                "--teahouse.messaging.lease-ttl=5s"));
        if (!rateLimitsAsTelegram) {
            // the bench measures the hotline's own capacity, not Telegram's 30 messages/s
            args.addAll(List.of("--teahouse.telegram.send-limits.overall.capacity=100000",
                    "--teahouse.telegram.send-limits.overall.period=1s",
                    "--teahouse.telegram.send-limits.overall.refill=100000",
                    "--teahouse.telegram.send-limits.per-group.capacity=100000",
                    "--teahouse.telegram.send-limits.per-group.refill=100000",
                    "--teahouse.telegram.send-limits.per-group.period=1s",
                    "--teahouse.telegram.send-limits.per-chat.capacity=1000",
                    "--teahouse.telegram.send-limits.per-chat.period=1s",
                    "--teahouse.telegram.send-limits.per-chat.refill=1000"));
        }
        // a chat here types as fast as the bot answers; the per-user limit would drop some of its messages
        args.addAll(List.of("--teahouse.limits.telegram-user.capacity=1000",
                "--teahouse.limits.telegram-user.refill=1000", "--teahouse.limits.telegram-user.period=1s"));
        for (int i = 0; i < instanceCount; i++) {
            instances.add(new AppInstance("app" + (i + 1), ports.get(i), dir.resolve("app" + (i + 1)), env, args));
        }
    }

    /** Starts the first {@code count} instances and waits until they are up. */
    void startInstances(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            if (!instances.get(i).running()) {
                instances.get(i).start();
            }
        }
        for (int i = 0; i < count; i++) {
            awaitUp(instances.get(i));
            if (!instances.get(i).running()) {
                throw new AssertionError(instances.get(i).name() + " stopped at start:\n"
                        + instances.get(i).logTail(60));
            }
        }
    }

    /**
     * Starts the instance again, as a supervisor (systemd's Restart=always) would, until it is up: for an instance
     * that stopped for any reason (one started while Redis is down stays up, not ready, and is only waited for).
     */
    static void restartUntilUp(AppInstance app) throws IOException {
        for (int attempt = 1; ; attempt++) {
            app.start();
            awaitUp(app);
            if (app.running()) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError(app.name() + " stopped at start 3 times:\n" + app.logTail(60));
            }
            System.out.println(app.name() + " stopped at start, started again");
        }
    }

    static void awaitUp(AppInstance app) {
        if (!app.running()) {
            return; // the caller starts it again
        }
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> app.up() || !app.running());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(app.name() + " did not come up:\n" + app.logTail(60), e);
        }
    }

    private void startBalancer(List<Integer> ports) throws IOException {
        StringBuilder conf = new StringBuilder("""
                global
                  maxconn 2000
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 30s
                  timeout server 5s
                  retries 2
                  option redispatch 1
                frontend webhook
                  bind 127.0.0.1:%d
                  default_backend hotline
                backend hotline
                  balance roundrobin
                  option httpchk GET /actuator/health
                  http-check expect status 200
                  timeout check 1s
                  default-server inter 500ms fall 2 rise 1
                """.formatted(balancerPort));
        for (int i = 0; i < ports.size(); i++) {
            conf.append("  server app").append(i + 1).append(" 127.0.0.1:").append(ports.get(i)).append(" check\n");
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, conf);
        haproxy = new ProcessBuilder(haproxyBinary(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> listening(balancerPort) || !haproxy.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("HAProxy did not listen: " + Files.readString(dir.resolve("haproxy.log")));
        }
        if (!haproxy.isAlive()) {
            throw new IllegalStateException("HAProxy stopped: " + Files.readString(dir.resolve("haproxy.log")));
        }
    }

    static String haproxyBinary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (AppInstance app : instances) {
            try {
                app.thaw();
            } catch (Exception e) {
                // never started
            }
            app.stop();
        }
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor();
        }
        telegram.close();
        redis.close();
    }
}
