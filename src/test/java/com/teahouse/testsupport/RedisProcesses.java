package com.teahouse.testsupport;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * Real redis-server processes for replication and Sentinel tests, from the binary the app ships (the embedded-redis
 * jar). Unlike the app's embedded server, these keep CONFIG: Sentinel reconfigures the servers it watches with it.
 * Each process is the test's child and is killed when the test closes this; one can be killed with SIGKILL and
 * started again on its own configuration file (which Sentinel may have rewritten meanwhile, as in production).
 */
public final class RedisProcesses implements AutoCloseable {

    private final Path dir;
    private final File binary;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();

    public RedisProcesses(Path dir) throws IOException {
        this.dir = dir;
        this.binary = ExecutableProvider.newJarResourceProvider().get();
    }

    /** A server on a free loopback port with append-only fsync-always persistence and a password. */
    public int server(String name, String password, Integer replicaOfPort) throws IOException {
        return server(name, password, replicaOfPort, freePort());
    }

    /** The same on a given port (one a client was told about before the server existed). */
    public int server(String name, String password, Integer replicaOfPort, int port) throws IOException {
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
    public int sentinel(String name, String master, int masterPort, String password, int quorum)
            throws IOException {
        return sentinel(name, master, masterPort, password, quorum, 1000);
    }

    /** A sentinel that calls the master down after {@code downAfterMillis} without an answer. */
    public int sentinel(String name, String master, int masterPort, String password, int quorum,
                        long downAfterMillis) throws IOException {
        return sentinel(name, master, masterPort, password, quorum, downAfterMillis, freePort());
    }

    /** The same on a given port (one the hotline was told about before any sentinel existed). */
    public int sentinel(String name, String master, int masterPort, String password, int quorum,
                        long downAfterMillis, int port) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        String conf = "bind 127.0.0.1\nport " + port + "\ndir " + data.toAbsolutePath() + "\n"
                + "sentinel monitor " + master + " 127.0.0.1 " + masterPort + " " + quorum + "\n"
                + "sentinel auth-pass " + master + " " + password + "\n"
                + "sentinel down-after-milliseconds " + master + " " + downAfterMillis + "\n"
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
        commands.put(name, command);
        launch(name);
    }

    private synchronized void launch(String name) throws IOException {
        Process process = new ProcessBuilder(commands.get(name)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
        processes.put(name, process);
    }

    /** SIGKILL of one process: no shutdown, whatever was fsynced to its append-only file stays. */
    public void kill(String name) throws InterruptedException {
        Process process;
        synchronized (this) {
            process = processes.get(name);
        }
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP of one process: a replica frozen so stops taking the master's writes (they stay the master's alone). */
    public void freeze(String name) throws IOException, InterruptedException {
        signal(name, "STOP");
    }

    /** SIGCONT of a frozen process. */
    public void thaw(String name) throws IOException, InterruptedException {
        signal(name, "CONT");
    }

    private void signal(String name, String signal) throws IOException, InterruptedException {
        long pid;
        synchronized (this) {
            pid = processes.get(name).pid();
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** Starts a killed process again, on the same configuration file and data, and waits until it answers. */
    public void restart(String name, int port, String password) throws IOException {
        launch(name);
        awaitPong(port, password);
    }

    public static Jedis client(int port, String password) {
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

    /** A loopback port nothing listens on now, for a process a client is told about before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        processes.values().forEach(Process::destroyForcibly);
        for (Process process : processes.values()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
