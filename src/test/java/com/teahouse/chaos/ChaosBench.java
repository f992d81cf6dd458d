package com.teahouse.chaos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The chaos suite's long version, with figures (issue 12 §5). Three hotlines in webhook mode behind HAProxy, the fake
 * Bot API pushing to it. First the throughput of 1, 2 and 3 instances without faults (the 3-instance run also gives
 * the fault-free latency); then the chaos run: every chat does a complaint form and two questions, with duplicate
 * updates, while instances are killed with SIGKILL and restarted, Redis is killed with SIGKILL once, one instance is
 * frozen past its lease, and the fake answers with a 429 storm and a 502 storm.
 *
 * <p>Arguments (all optional): {@code chats kills throughputChats pauseSeconds [dir]}, default
 * {@code 200 50 40 6}. Telegram's send limits are raised in these runs so that the figures show the hotline's own
 * capacity, not Telegram's 30 messages/s.
 */
public final class ChaosBench {

    public static void main(String[] args) throws Exception {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int throughputChats = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int pauseSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("chaos-bench");
        if (ChaosCluster.haproxyBinary() == null) {
            throw new IllegalStateException("HAProxy is needed: apt-get install haproxy");
        }
        System.out.printf("ChaosBench: %d chats, %d kills, %d chats per throughput run, data in %s%n", chats, kills,
                throughputChats, dir);
        try (ChaosCluster cluster = new ChaosCluster(dir, 3, false)) {
            double[] throughput = new double[3];
            ChaosRun calm = null;
            for (int n = 1; n <= 3; n++) {
                cluster.startInstances(n); // the ones already up are only checked
                calm = ChaosRun.run(cluster, 1_000_000L * n, throughputChats, 0, null, Duration.ofMinutes(5));
                throughput[n - 1] = calm.linesPerSecond();
                System.out.printf("%n-- %d instance(s), no faults (load %s): %s", n, load(), calm.summary());
            }
            ChaosFaults faults = new ChaosFaults(cluster, kills, 40, pauseSeconds * 1000L);
            ChaosRun chaos = ChaosRun.run(cluster, 5_000_000L, chats, 0.1, faults, Duration.ofMinutes(10));
            System.out.printf("%n-- 3 instances under faults (load %s): %s", load(), chaos.summary());
            System.out.printf("%n== throughput (lines/s, closed-loop chats): 1 instance %.1f, 2: %.1f, 3: %.1f;"
                    + " scaling 3 vs 1: %.2f%n", throughput[0], throughput[1], throughput[2],
                    throughput[2] / throughput[0]);
            System.out.printf("== reply latency without faults p50 %.0f ms p99 %.0f ms; with faults p50 %.0f ms"
                    + " p99 %.0f ms (load %s)%n", calm.latencyMillis(50), calm.latencyMillis(99),
                    chaos.latencyMillis(50), chaos.latencyMillis(99), load());
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
