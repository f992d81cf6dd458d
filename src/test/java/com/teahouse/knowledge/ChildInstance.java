package com.teahouse.knowledge;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.JedisPooled;

/**
 * Instance B of DigestPublishBench in a JVM of its own, as a real second instance runs: its own heap, GC and JIT.
 * The bench talks to it in lines: it sends {@code mark}, {@code report <publishes> <label>}, {@code await <id>
 * <marker>} and {@code quit} on the child's standard input; the child answers on its standard output with lines
 * starting {@code @@}, and writes its log to a file.
 */
final class ChildInstance implements SearchingInstance {

    private static final String ANSWER = "@@";

    private final Process process;
    private final PrintWriter to;
    private final BufferedReader from;

    private ChildInstance(Process process) {
        this.process = process;
        this.to = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the child on this JVM's class path: it opens the digest published in {@code redisUrl} (under the bench's
     * prefix), warms up and starts searching {@code questions}; returns once it is searching.
     */
    static ChildInstance start(String redisUrl, Path knowledge, List<String> questions, Path log) throws IOException {
        Path file = Files.createTempFile("publish-bench-questions", ".txt");
        Files.write(file, questions, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // the bench's JVM settings (-XX:, e.g. thread and compiler priorities), so that both instances run alike
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildInstance.class.getName(), redisUrl,
                knowledge.toString(), file.toString(), log.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildInstance child = new ChildInstance(p);
        child.answer();
        return child;
    }

    @Override
    public void mark() {
        to.println("mark");
        answer();
    }

    @Override
    public List<String> report(String label, int publishes) {
        to.println("report " + publishes + " " + label);
        return answer();
    }

    @Override
    public void onlyDuring(List<long[]> windows) {
        to.println("windows " + String.join(",", windows.stream().map(w -> w[0] + ":" + w[1]).toList()));
        answer();
    }

    @Override
    public void await(String id, String marker) {
        to.println("await " + id + " " + marker);
        answer();
    }

    /** The child's lines up to its {@code @@} line. */
    private List<String> answer() {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                if (line.startsWith(ANSWER)) {
                    return lines;
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("instance B's JVM ended; see its log");
    }

    @Override
    public void close() throws InterruptedException {
        to.println("quit");
        process.waitFor();
    }

    /** The child: redis URL, knowledge dir (the seed, already in Redis), questions file, log file. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(new PrintStream(new FileOutputStream(args[3], true), true, StandardCharsets.UTF_8));
        List<String> questions = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        try (JedisPooled jedis = new JedisPooled(URI.create(args[0]))) {
            PolicyDigest digest = PublishedDigests.open(new RedisStore(jedis, "bench:"),
                    new KnowledgeProperties(Path.of(args[1]), Duration.ofSeconds(1), true), new SimpleMeterRegistry(),
                    Clock.systemDefaultZone(), new WhenRedisUp());
            try (SearchingInstance b = new SearchingInstance.Local(digest, questions, 1)) {
                protocol.println(ANSWER);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                    String[] w = line.split(" ", 3);
                    switch (w[0]) {
                        case "mark" -> b.mark();
                        case "report" -> b.report(w[2], Integer.parseInt(w[1])).forEach(protocol::println);
                        case "await" -> b.await(w[1], w[2]);
                        case "windows" -> b.onlyDuring(java.util.Arrays.stream(w[1].split(",")).map(x -> new long[] {
                                Long.parseLong(x.split(":")[0]), Long.parseLong(x.split(":")[1])}).toList());
                        default -> throw new IllegalArgumentException("unknown command: " + line);
                    }
                    protocol.println(ANSWER);
                }
            }
        }
    }
}
