package com.teahouse.chaos;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.core.ExecutableProvider;

/**
 * The redis-server the app ships, as a child process with append-only {@code appendfsync always} on a fixed port:
 * killed with SIGKILL and started again on the same port and files, as a crashed production server would be.
 */
final class ChaosRedis implements AutoCloseable {
    private final Path dir;
    private final int port = ChaosCluster.freePort();
    private final String password = "chaos" + Long.toHexString(System.nanoTime());
    private final File binary;
    private Process process;

    ChaosRedis(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.binary = ExecutableProvider.newJarResourceProvider().get();
    }

    synchronized ChaosRedis start() throws IOException {
        Path conf = dir.resolve("redis.conf");
        Files.writeString(conf, "bind 127.0.0.1\nport " + port + "\ndir " + dir.toAbsolutePath() + "\n"
                + "appendonly yes\nappendfsync always\nsave \"\"\nrequirepass " + password + "\n"
                + "maxmemory 512mb\nmaxmemory-policy noeviction\n");
        process = new ProcessBuilder(binary.getAbsolutePath(), conf.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("redis.log").toFile())).start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (JedisPooled jedis = client()) {
                return "PONG".equals(jedis.ping());
            }
        });
        return this;
    }

    /** SIGKILL: whatever was acknowledged is in the append-only file (fsync always). */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    JedisPooled client() {
        return new JedisPooled(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .password(password).socketTimeoutMillis(10_000).build());
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
