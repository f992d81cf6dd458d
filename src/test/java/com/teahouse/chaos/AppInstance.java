package com.teahouse.chaos;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One hotline as its own JVM (as KillMidComplaintTest starts it) on a fixed HTTP port, so that the load balancer
 * finds it again after a restart. It can be killed with SIGKILL, frozen with SIGSTOP and thawed with SIGCONT.
 * Each start appends to the same log file.
 */
final class AppInstance {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path dir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private volatile Process process;
    private int starts;

    AppInstance(String name, int port, Path dir, Map<String, String> environment, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.managementPort = ChaosCluster.freePort();
        this.dir = dir;
        this.environment = environment;
        this.arguments = arguments;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        Files.createDirectories(dir);
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classpath, "com.teahouse.App", "--server.port=" + port,
                "--management.server.port=" + managementPort, "--teahouse.data-dir=" + dir.resolve("data"),
                "--logging.level.root=WARN", "--logging.level.com.teahouse.App=INFO"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment); // secrets travel in the environment, not on the command line
        Files.writeString(log(), "==== start " + (++starts) + " ====\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = builder.start();
    }

    boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    boolean up() {
        return health() == 200;
    }

    /** The HTTP status of its health: 200 when ready, 503 when up but not ready, -1 when it does not answer. */
    int health() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return -1;
        }
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && !health.body().contains("UP") ? -1 : health.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no lane given back, a step may be cut between any two writes. */
    synchronized void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly().waitFor();
        }
    }

    void freeze() throws Exception {
        signal("STOP");
    }

    void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** SIGTERM (graceful), then SIGKILL if it hangs. */
    synchronized void stop() throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    Path log() {
        return dir.resolve("app.log");
    }

    /** The last lines of the log, for a failure's message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
