package com.teahouse.testsupport;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.store.internal.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import redis.clients.jedis.JedisPooled;

/**
 * The hotline in processes of its own, for the tests that kill it with SIGKILL between two steps (a JVM cannot kill
 * -9 itself and go on checking). The test holds what must outlive the kill: the Redis the instances share, a client
 * to look into it, and the fake Bot API. Each instance is a main class run on the test's class path, its output in
 * {@code <name>.log} under the data dir, the only trace of what it did: {@link #printLog} shows it when a check fails.
 */
public final class HotlineProcesses implements AutoCloseable {

    private final Path data;
    private final Class<?> instance;
    private final EmbeddedRedis redis;
    private final JedisPooled jedis;
    private final FakeBotApiServer telegram;

    private HotlineProcesses(Path data, Class<?> instance, EmbeddedRedis redis, JedisPooled jedis,
            FakeBotApiServer telegram) {
        this.data = data;
        this.instance = instance;
        this.redis = redis;
        this.jedis = jedis;
        this.telegram = telegram;
    }

    /** Redis under {@code data/redis} and the fake Bot API; {@code instance}'s main is what {@link #start} runs. */
    public static HotlineProcesses start(Path data, Class<?> instance) {
        EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis"));
        JedisPooled jedis = new JedisPooled(URI.create(redis.url()));
        return new HotlineProcesses(data, instance, redis, jedis, new FakeBotApiServer().start());
    }

    /**
     * The instance's properties from its first arguments (Redis URL, Bot API URL), as every instance main needs them:
     * the shared Redis rather than one of its own, the fake Bot API, and warnings only in its log.
     */
    public static Map<String, String> instanceProperties(String redisUrl, String apiUrl) {
        Map<String, String> props = new HashMap<>(TestHotline.telegram(apiUrl, FakeBotApiServer.DEFAULT_TOKEN));
        props.put("teahouse.redis.url", redisUrl);
        props.put("logging.level.root", "WARN");
        return props;
    }

    public JedisPooled jedis() {
        return jedis;
    }

    public FakeBotApiServer telegram() {
        return telegram;
    }

    /**
     * Runs the instance's main as {@code name}: arguments data dir, Redis URL, Bot API URL, then {@code more}
     * (null ones left out, for an argument a restarted instance does without).
     */
    public Process start(String name, String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                instance.getName(), data.resolve(name).toString(), redis.url(), telegram.baseUrl()));
        for (String arg : more) {
            if (arg != null) {
                command.add(arg);
            }
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile()).start();
    }

    /** How an instance ends once its check is done. */
    public enum End {
        /** SIGKILL, mid-step: what these tests are about. */
        KILL,
        /** SIGTERM and a wait, as an operator stops it. */
        STOP
    }

    /**
     * Runs the instance {@code name} (arguments as for {@link #start}) while {@code check} runs, then ends it as
     * {@code end} says; a failed check prints the instance's log first. What the check returns, e.g. the tracking
     * number the instance reported.
     */
    public <T> T run(String name, End end, List<String> args, Callable<T> check) throws Exception {
        Process process = start(name, args.toArray(String[]::new));
        try {
            return check.call();
        } catch (AssertionError | RuntimeException e) {
            printLog(name);
            throw e;
        } finally {
            if (end == End.KILL) {
                process.destroyForcibly().waitFor();
            } else {
                process.destroy();
                process.waitFor();
            }
        }
    }

    /** {@link #run(String, End, List, Callable)} for a check that returns nothing. */
    public void run(String name, End end, List<String> args, Check check) throws Exception {
        run(name, end, args, () -> {
            check.run();
            return null;
        });
    }

    /** A check on a running instance: assertions and waits. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** The instance's output, for a failed check. */
    public void printLog(String name) {
        try {
            System.out.println(Files.readString(data.resolve(name + ".log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (redis; jedis; telegram) {
            // closed in reverse: the fake Bot API, the client, then the server
        }
    }
}
