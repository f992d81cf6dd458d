package com.teahouse.store;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * Real redis-server processes for replication and Sentinel tests, from the binary the app ships (the embedded-redis
 * jar). Unlike the app's embedded server, these keep CONFIG: Sentinel reconfigures the servers it watches with it.
 * Each process is the test's child and is killed when the test closes this.
 */
final class RedisProcesses implements AutoCloseable {

    private final Path dir;
    private final File binary;
    private final List<Process> processes = new ArrayList<>();

    RedisProcesses(Path dir) throws IOException {
        this.dir = dir;
        this.binary = ExecutableProvider.newJarResourceProvider().get();
    }

    /** A server on a free loopback port with append-only fsync-always persistence and a password. */
    int server(String name, String password, Integer replicaOfPort) throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dir.resolve(name));
        StringBuilder conf = new StringBuilder()
                .append("bind 127.0.0.1\nport ").append(port).append('\n')
                .append("dir ").append(data.toAbsolutePath()).append('\n')
                .append("appendonly yes\nappendfsync always\nsave \"\"\n")
                .append("requirepass ").append(password).append("\nmasterauth ").append(password).append('\n');
        if (replicaOfPort != null) {
            conf.append("replicaof 127.0.0.1 ").append(replicaOfPort).append('\n');
        }
        start(name, conf.toString(), false);
        awaitPong(port, password);
        return port;
    }

    /** A sentinel watching {@code master} at that port, quick to call it down (1 s) for the test. */
    int sentinel(String name, String master, int masterPort, String password, int quorum) throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dir.resolve(name));
        String conf = "bind 127.0.0.1\nport " + port + "\ndir " + data.toAbsolutePath() + "\n"
                + "sentinel monitor " + master + " 127.0.0.1 " + masterPort + " " + quorum + "\n"
                + "sentinel auth-pass " + master + " " + password + "\n"
                + "sentinel down-after-milliseconds " + master + " 1000\n"
                + "sentinel failover-timeout " + master + " 10000\n"
                + "sentinel parallel-syncs " + master + " 1\n";
        start(name, conf, true);
        awaitPong(port, null);
        return port;
    }

    private void start(String name, String conf, boolean sentinel) throws IOException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, conf);
        List<String> command = new ArrayList<>(List.of(binary.getAbsolutePath(), file.toAbsolutePath().toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
    }

    static Jedis client(int port, String password) {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder().password(password)
                .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build());
    }

    private static void awaitPong(int port, String password) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Jedis jedis = client(port, password)) {
                return "PONG".equals(jedis.ping());
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
