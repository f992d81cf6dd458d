package com.teahouse.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who had the cores during a phase: this JVM's threads by name (JIT compilers and GC workers included, which Java
 * cannot list) from {@code /proc/self/task}, and the whole machine's busy and stolen time from {@code /proc/stat}
 * (stolen: the hypervisor ran someone else). Linux only; elsewhere it reports nothing. For DigestPublishBench.
 */
final class CpuUse {

    private final Map<String, Long> threads;
    private final long[] machine;
    private final long at = System.nanoTime();
    private final long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();

    private CpuUse(Map<String, Long> threads, long[] machine) {
        this.threads = threads;
        this.machine = machine;
    }

    static CpuUse now() {
        return new CpuUse(threads(), machine());
    }

    /**
     * What happened since {@code before}: e.g. {@code machine 1.9 of 2 cores busy, 0.1 stolen; this JVM: C2
     * CompilerThread 0.4 s, knowledge-follower 0.9 s, ...} (threads with at least 1% of the phase).
     */
    String since(CpuUse before) {
        double seconds = (at - before.at) / 1e9;
        StringBuilder out = new StringBuilder();
        if (machine.length >= 8 && before.machine.length >= 8) {
            double hz = 100.0; // USER_HZ, 100 on every Linux the project runs on
            long idle = machine[3] + machine[4] - before.machine[3] - before.machine[4];
            long steal = machine[7] - before.machine[7];
            long all = 0;
            for (int i = 0; i < 8; i++) {
                all += machine[i] - before.machine[i];
            }
            out.append(String.format("machine %.1f cores busy, %.1f stolen (load %.1f); ", (all - idle - steal) / hz
                    / seconds, steal / hz / seconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()));
        }
        Map<String, Long> diff = new HashMap<>();
        threads.forEach((name, ns) -> diff.merge(name, ns - before.threads.getOrDefault(name, 0L), Long::sum));
        out.append(String.format("this JVM %.2f cores (uptime %.1f s), by thread:", (process - before.process) / 1e9
                / seconds, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
        diff.entrySet().stream().filter(e -> e.getValue() / 1e9 / seconds >= 0.01)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(" %s %.2f;", e.getKey(), e.getValue() / 1e9 / seconds)));
        return out.toString();
    }

    /**
     * CPU milliseconds the JIT compiler threads used since {@code before}: the compiling a phase caused, which unlike
     * the cores' share does not depend on how busy the machine was.
     */
    double compilerMillis(CpuUse before) {
        return threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(e -> e.getValue() - before.threads.getOrDefault(e.getKey(), 0L)).sum() / 1e6;
    }

    /** CPU nanoseconds by thread name, numbers dropped so that pools count as one. */
    private static Map<String, Long> threads() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9#]+", "#");
                    long ns = Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
                    out.merge(name, ns, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /** The first eight fields of /proc/stat's cpu line: user nice system idle iowait irq softirq steal. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] out = new long[8];
            for (int i = 0; i < 8; i++) {
                out[i] = Long.parseLong(f[i + 1]);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
