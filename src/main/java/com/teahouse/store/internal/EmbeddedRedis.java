package com.teahouse.store.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real redis-server child process on a free loopback port, for a developer's machine and the tests (never
 * production: see README). Append-only persistence with fsync on every write: an update recorded in the inbox
 * must survive a crash, and callers batch writes so the fsync is paid per batch. Locked down against other local
 * processes: a random password (made once per data directory, kept there in an owner-only file), a memory cap
 * with {@code noeviction} (hotline data is never silently dropped; writes fail with OOM, which the app answers
 * as "busy"), and CONFIG, DEBUG and MODULE renamed away, so a client cannot turn the server into a file writer.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private static final String PORT_FILE = "teahouse-redis.port";
    private static final String SECRET_FILE = "teahouse-redis.secret";
    public static final String DEFAULT_MAX_MEMORY = "256mb";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final RedisServer server;
    private final int port;
    private final String password;

    private EmbeddedRedis(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedRedis start(Path dir) {
        return start(dir, 0);
    }

    /** On the given port (0: a free one), e.g. to bring a stopped server back where its clients expect it. */
    public static EmbeddedRedis start(Path dir, int fixedPort) {
        return start(dir, fixedPort, DEFAULT_MAX_MEMORY);
    }

    /** @param maxMemory redis-server's {@code maxmemory}, e.g. {@code 256mb} */
    public static EmbeddedRedis start(Path dir, int fixedPort, String maxMemory) {
        if (maxMemory == null || !maxMemory.matches("[0-9]+(kb|mb|gb)?")) {
            throw new IllegalArgumentException("maxmemory must look like 256mb, not " + maxMemory);
        }
        stopOrphan(dir);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = fixedPort > 0 ? fixedPort : freePort();
            try {
                Files.createDirectories(dir);
                String password = password(dir);
                RedisServerBuilder builder = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("dir " + dir.toAbsolutePath().normalize())
                        .setting("appendonly yes")
                        .setting("appendfsync always")
                        .setting("save \"\"")
                        .setting("protected-mode yes")
                        .setting("requirepass " + password)
                        .setting("maxmemory " + maxMemory)
                        .setting("maxmemory-policy noeviction")
                        .setting("rename-command CONFIG \"\"")
                        .setting("rename-command DEBUG \"\"")
                        .setting("rename-command MODULE \"\"")
                        // Spring stops it after the components that still use it; a JVM hook would race them
                        .onShutdownForceStop(false);
                RedisServer server = new RedisServer(port, inOwnSession(builder.buildCommandArgs()), false);
                server.start();
                Files.writeString(dir.resolve(PORT_FILE), Integer.toString(port));
                log.info("Embedded redis-server started on 127.0.0.1:{} with data in {}", port, dir.toAbsolutePath());
                return new EmbeddedRedis(server, port, password);
            } catch (IOException e) {
                last = e;
                log.warn("Embedded redis-server did not start on port {}: {}", port, e.getMessage());
            }
        }
        throw new IllegalStateException("Could not start the embedded redis-server in " + dir.toAbsolutePath()
                + ". Is another Teahouse using the same data directory? Cause: "
                + (last == null ? "unknown" : last.getMessage()), last);
    }

    /**
     * The command line, run through {@code setsid} where it exists (util-linux): the server then has its own
     * session and process group, so a Ctrl-C in the terminal (SIGINT to the foreground group) reaches only the
     * app, which stops its components and then shuts Redis down itself. Without setsid it runs as before.
     */
    static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * A redis-server left running by a Teahouse that was killed (kill -9 does not reach the child) still owns
     * this data directory; two servers on one append-only file would corrupt it, so the old one is shut down.
     */
    private static void stopOrphan(Path dir) {
        // only the server of this data directory knows its password: a server on that port that accepts it is ours
        try (Jedis jedis = connect(dir, 1000)) {
            jedis.ping();
            log.warn("A redis-server from an earlier run still serves {}; shutting it down", dir);
            jedis.shutdown();
        } catch (IOException | RuntimeException e) {
            log.debug("No earlier redis-server to stop: {}", e.getMessage());
        }
    }

    /** A client, authenticated, of the server that last ran on this data directory (for tools and tests). */
    public static Jedis connect(Path dir) throws IOException {
        return connect(dir, 2000);
    }

    private static Jedis connect(Path dir, int timeoutMillis) throws IOException {
        int port = Integer.parseInt(Files.readString(dir.resolve(PORT_FILE)).trim());
        return client(port, Files.readString(dir.resolve(SECRET_FILE)).trim(), timeoutMillis);
    }

    private static Jedis client(int port, String password, int timeoutMillis) {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder().password(password)
                .connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis).build());
    }

    /** Made once per data directory, readable by its owner only; a restart keeps it, so clients reconnect. */
    private static String password(Path dir) throws IOException {
        Path file = dir.resolve(SECRET_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Path temp = Files.createTempFile(dir, "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("No POSIX permissions here; the password file keeps the directory's");
        }
        Files.writeString(temp, password);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    public int port() {
        return port;
    }

    /** With the password: hand it only to this process's clients, never to a log. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** A new authenticated client; the caller closes it. */
    public Jedis connect() {
        return client(port, password, 2000);
    }

    /** SHUTDOWN lets redis flush and close the append-only file before the process goes. */
    @Override
    public void close() {
        try (Jedis jedis = connect()) {
            jedis.shutdown();
        } catch (RuntimeException e) {
            log.debug("redis SHUTDOWN ended the connection as expected: {}", e.getMessage());
        }
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Embedded redis-server did not stop cleanly: {}", e.getMessage());
        }
        log.info("Embedded redis-server on port {} stopped", port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port for redis-server", e);
        }
    }
}
