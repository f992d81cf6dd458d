package com.teahouse.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread asking a digest questions back to back, recording each query's wall time split the way the kernel
 * sees it: on a core ({@code cpu}), runnable but waiting for a core ({@code queued}: other threads or processes had
 * the cores) and the rest ({@code blocked}: the thread slept, on a lock, at a GC safepoint, in I/O). Linux's
 * {@code /proc/thread-self/schedstat} gives the wait per thread (where it is missing, queued is 0); the CPU time is
 * the JVM's. For DigestPublishBench, in its JVM or in a child one.
 */
final class SearchLoad {

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    /**
     * One phase's queries: wall, cpu, queued, blocked nanoseconds, start (JVM uptime ms), bytes allocated and start
     * ({@link System#nanoTime()}: the machine's monotonic clock, the same in every JVM on it), in query order.
     */
    record Samples(long[] wall, long[] cpu, long[] queued, long[] blocked, long[] start, long[] allocated,
                   long[] at) {

        int size() {
            return wall.length;
        }

        /** The queries that ran, at least in part, inside one of {@code windows} ({from, to} nanoTime each). */
        Samples overlapping(List<long[]> windows) {
            int[] keep = java.util.stream.IntStream.range(0, size()).filter(i -> windows.stream()
                    .anyMatch(w -> at[i] <= w[1] && at[i] + wall[i] >= w[0])).toArray();
            long[][] cols = {wall, cpu, queued, blocked, start, allocated, at};
            long[][] out = new long[cols.length][];
            for (int c = 0; c < cols.length; c++) {
                long[] col = cols[c];
                out[c] = Arrays.stream(keep).mapToLong(i -> col[i]).toArray();
            }
            return new Samples(out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
        }

        /**
         * p50/p99 of wall and CPU, and where the slowest 1% of queries (by wall) spent their time on average, e.g.
         * {@code p50 1.3 ms, p99 10.4 ms; cpu p50 1.2 ms, p99 4.6 ms; slowest 1%: cpu 4.1, queued 5.2, blocked 1.0 ms}.
         */
        String summary() {
            Integer[] order = new Integer[size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (x, y) -> Long.compare(wall[y], wall[x]));
            int n = Math.max(1, size() / 100);
            double c = 0, q = 0, b = 0;
            for (int k = 0; k < Math.min(n, size()); k++) {
                c += cpu[order[k]];
                q += queued[order[k]];
                b += blocked[order[k]];
            }
            StringBuilder slowest = new StringBuilder();
            for (int k = 0; k < Math.min(3, size()); k++) {
                int i = order[k];
                slowest.append(String.format(" %.0f ms at %.3f s (cpu %.1f, core %.1f, blocked %.1f);", wall[i] / 1e6,
                        start[i] / 1e3, cpu[i] / 1e6, queued[i] / 1e6, blocked[i] / 1e6));
            }
            return String.format("p50 %.1f ms, p99 %.1f ms; thread CPU p50 %.1f ms, p99 %.1f ms; allocated %.0f KB"
                    + " a query; slowest 1%% (%d)"
                    + " on average: cpu %.1f, waiting for a core %.1f, blocked %.1f ms;%n  slowest (JVM uptime):%s",
                    pct(wall, 50), pct(wall, 99), pct(cpu, 50), pct(cpu, 99),
                    Arrays.stream(allocated).average().orElse(0) / 1024, n, c / n / 1e6, q / n / 1e6, b / n / 1e6,
                    slowest);
        }
    }

    private final PolicyDigest digest;
    private final List<String> questions;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;

    SearchLoad(PolicyDigest digest, List<String> questions) {
        this.digest = digest;
        this.questions = questions;
        this.thread = new Thread(this::run, "bench-search");
    }

    /** Warms the search path up (JIT) with {@code queries} queries, then starts asking on its own thread. */
    SearchLoad start(int queries) {
        for (int i = 0; i < queries; i++) {
            digest.ask(questions.get(i % questions.size()), "zh", 5);
        }
        thread.start();
        return this;
    }

    private void run() {
        Random random = new Random(7);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        boolean kernel = Files.isReadable(SCHEDSTAT);
        long[] before = new long[2];
        long[] after = new long[2];
        var runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        long epoch = System.nanoTime() - runtime.getUptime() * 1_000_000L;
        while (running.get()) {
            sched(kernel, threads, before);
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long s = System.nanoTime();
            digest.ask(questions.get(random.nextInt(questions.size())), "zh", 5);
            long wall = System.nanoTime() - s;
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            sched(kernel, threads, after);
            long cpu = after[0] - before[0];
            long queued = after[1] - before[1];
            synchronized (samples) {
                samples.add(new long[] {wall, cpu, queued, Math.max(0, wall - cpu - queued), (s - epoch) / 1_000_000L, bytes,
                        s});
            }
        }
    }

    /**
     * This thread's {cpu, run-queue wait} nanoseconds so far. The CPU time is the JVM's (exact); the kernel's own
     * figure in schedstat is only brought up to date at ticks and switches. The wait is added when the thread gets a
     * core, so a query that waited has it counted by the time it ends.
     */
    private static void sched(boolean kernel, java.lang.management.ThreadMXBean threads, long[] out) {
        out[0] = threads.getCurrentThreadCpuTime();
        out[1] = 0;
        if (kernel) {
            try {
                out[1] = Long.parseLong(Files.readString(SCHEDSTAT).trim().split(" ")[1]);
            } catch (IOException | RuntimeException e) {
                // no figure: counted as blocked
            }
        }
    }

    /** The queries recorded since the last drain. */
    Samples drain() {
        synchronized (samples) {
            long[][] cols = new long[7][samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                for (int c = 0; c < 7; c++) {
                    cols[c][i] = samples.get(i)[c];
                }
            }
            samples.clear();
            return new Samples(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    static double pct(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i] / 1e6;
    }
}
