package com.teahouse.store.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real redis-server child process on a free loopback port. Append-only persistence with fsync on every write:
 * an update recorded in the inbox must survive a crash, and callers batch writes so the fsync is paid per batch.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private static final String PORT_FILE = "teahouse-redis.port";

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dir) {
        return start(dir, 0);
    }

    /** On the given port (0: a free one), e.g. to bring a stopped server back where its clients expect it. */
    public static EmbeddedRedis start(Path dir, int fixedPort) {
        stopOrphan(dir);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = fixedPort > 0 ? fixedPort : freePort();
            try {
                Files.createDirectories(dir);
                RedisServer server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("dir " + dir.toAbsolutePath().normalize())
                        .setting("appendonly yes")
                        .setting("appendfsync always")
                        .setting("save \"\"")
                        .setting("protected-mode yes")
                        // Spring stops it after the components that still use it; a JVM hook would race them
                        .onShutdownForceStop(false)
                        .build();
                server.start();
                Files.writeString(dir.resolve(PORT_FILE), Integer.toString(port));
                log.info("Embedded redis-server started on 127.0.0.1:{} with data in {}", port, dir.toAbsolutePath());
                return new EmbeddedRedis(server, port);
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
     * A redis-server left running by a Teahouse that was killed (kill -9 does not reach the child) still owns
     * this data directory; two servers on one append-only file would corrupt it, so the old one is shut down.
     */
    private static void stopOrphan(Path dir) {
        Path portFile = dir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) {
            return;
        }
        try (Jedis jedis = new Jedis("127.0.0.1", Integer.parseInt(Files.readString(portFile).trim()), 1000)) {
            if (dir.toAbsolutePath().normalize().toString().equals(
                    jedis.configGet("dir").getOrDefault("dir", ""))) {
                log.warn("A redis-server from an earlier run still serves {}; shutting it down", dir);
                jedis.shutdown();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("No earlier redis-server to stop: {}", e.getMessage());
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SHUTDOWN lets redis flush and close the append-only file before the process goes. */
    @Override
    public void close() {
        try (Jedis jedis = new Jedis("127.0.0.1", port, 2000)) {
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
