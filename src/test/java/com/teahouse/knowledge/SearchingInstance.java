package com.teahouse.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Instance B of DigestPublishBench: an instance following the published digest while a thread searches it, in the
 * bench's JVM ({@link Local}) or in a child JVM of its own ({@link ChildInstance}), as real instances are.
 */
interface SearchingInstance extends AutoCloseable {

    /** Starts a phase: what was recorded so far is dropped. */
    void mark();

    /** Lines on the phase since {@link #mark}: searches, who used the CPU, GC, and the follower's work per publish. */
    List<String> report(String label, int publishes);

    /**
     * Has the next {@link #report}'s search figures count only the searches that overlap one of {@code windows}
     * ({from, to} {@link System#nanoTime()}, which on Linux is the machine's monotonic clock in every JVM).
     */
    void onlyDuring(List<long[]> windows);

    /** Returns once the instance answers entry {@code id} with {@code marker} in its text. */
    void await(String id, String marker) throws InterruptedException;

    /** The instance in this JVM, searched on a thread of its own. */
    final class Local implements SearchingInstance {

        private final PolicyDigest digest;
        private final SearchLoad load;
        /** Followers whose work {@link #report} splits: both instances' when they share this JVM. */
        private final int followers;
        private CpuUse cpu;
        private long[] gc;
        private long[] work;
        private List<long[]> windows;

        Local(PolicyDigest digest, List<String> questions, int followers) {
            this.digest = digest;
            this.followers = followers;
            this.load = new SearchLoad(digest, questions).start(2000);
            warmUpsDone();
            jitSettled();
            mark();
        }

        /**
         * Waits (searching) until the instances' publish warm-ups ({@code PublishWarmUp}, on threads of that name)
         * have ended: an instance that has run a while has them behind it. At most 5 minutes.
         */
        private static void warmUpsDone() {
            long end = System.nanoTime() + 300_000_000_000L;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("knowledge-warm-up")) {
                    try {
                        t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /**
         * Waits (searching) until the JIT compilers have gone quiet: on a busy machine 2,000 searches leave the
         * search path half compiled, and the phases then measured the compiler more than the digest. At most 60 s.
         */
        private static void jitSettled() {
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
                return;
            }
            long end = System.nanoTime() + 60_000_000_000L;
            long before = jit.getTotalCompilationTime();
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long now = jit.getTotalCompilationTime();
                if (now - before < 100) { // ms of compiling in the last 2 s
                    return;
                }
                before = now;
            }
        }

        @Override
        public void mark() {
            load.drain();
            cpu = CpuUse.now();
            gc = gc();
            work = followerWork();
        }

        @Override
        public List<String> report(String label, int publishes) {
            SearchLoad.Samples s = windows == null ? load.drain() : load.drain().overlapping(windows);
            windows = null;
            long[] g = gc();
            long[] w = followerWork();
            List<String> out = new ArrayList<>();
            out.add(String.format("search on instance B, %s (%d queries): %s", label, s.size(), s.summary()));
            CpuUse now = CpuUse.now();
            out.add(String.format("  %s", now.since(cpu)));
            out.add(String.format("  JIT compiler threads in B's JVM: %.0f ms CPU%s", now.compilerMillis(cpu),
                    publishes > 0 ? String.format(" (%.1f ms a publish)", now.compilerMillis(cpu) / publishes) : ""));
            out.add(String.format("  GC in B's JVM: %d collections, %d ms", g[0] - gc[0], g[1] - gc[1]));
            if (publishes > 0) {
                out.add(String.format("  applying a publish, per instance (knowledge-follower threads): %.0f ms CPU,"
                        + " %.1f MB allocated", (w[0] - work[0]) / 1e6 / publishes / followers,
                        (w[1] - work[1]) / 1e6 / publishes / followers));
            }
            return out;
        }

        @Override
        public void onlyDuring(List<long[]> windows) {
            this.windows = List.copyOf(windows);
        }

        @Override
        public void await(String id, String marker) throws InterruptedException {
            while (!serves(digest, id, marker)) {
                Thread.sleep(2);
            }
        }

        @Override
        public void close() throws Exception {
            load.stop();
            digest.close();
        }
    }

    static boolean serves(PolicyDigest digest, String id, String marker) {
        return digest.entry(id, "zh").map(h -> h.answer().contains(marker)).orElse(false);
    }

    /** Garbage collections so far: count and milliseconds, all collectors. */
    static long[] gc() {
        long[] out = new long[2];
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out[0] += Math.max(0, bean.getCollectionCount());
            out[1] += Math.max(0, bean.getCollectionTime());
        }
        return out;
    }

    /**
     * CPU nanoseconds and bytes allocated so far by this JVM's follower threads, which apply each publish: the work a
     * publish costs, measured apart from how busy the machine is.
     */
    static long[] followerWork() {
        var hotspot = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[2];
        // thread infos without stacks: Thread.getAllStackTraces would stop every thread at a safepoint, searches too
        for (var t : hotspot.getThreadInfo(hotspot.getAllThreadIds(), 0)) {
            if (t != null && t.getThreadName().startsWith("knowledge-follower")) {
                out[0] += Math.max(0, hotspot.getThreadCpuTime(t.getThreadId()));
                out[1] += Math.max(0, hotspot.getThreadAllocatedBytes(t.getThreadId()));
            }
        }
        return out;
    }
}
