package com.teahouse.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import redis.clients.jedis.JedisPooled;

/** One run of chats on a cluster, with or without faults, and its figures once the system is quiet. */
final class ChaosRun {
    final ChaosChats chats;
    final long wallNanos;
    final List<String> faults;
    final ChaosReport report;

    private ChaosRun(ChaosChats chats, long wallNanos, List<String> faults, ChaosReport report) {
        this.chats = chats;
        this.wallNanos = wallNanos;
        this.faults = faults;
        this.report = report;
    }

    static ChaosRun run(ChaosCluster cluster, long firstUserId, int chatCount, double duplicateRate,
                        ChaosFaults faults, Duration settle) throws Exception {
        ChaosChats chats = new ChaosChats(cluster.telegram, firstUserId, chatCount, Duration.ofSeconds(90),
                duplicateRate);
        int pushesBefore = cluster.telegram.webhookPushes().size();
        if (faults != null) {
            faults.start();
        }
        long wall = chats.run();
        List<String> done = faults == null ? List.of() : faults.finish();
        try (JedisPooled redis = cluster.redis.client()) {
            try {
                await().atMost(settle).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> ChaosQuiet.quiet(cluster.telegram, redis));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the run did not settle within " + settle + " (faults " + done
                        + "); not quiet: " + String.join("; ", ChaosQuiet.busy(cluster.telegram, redis)), e);
            }
            return new ChaosRun(chats, wall, done, ChaosReport.of(cluster.telegram, redis, chats, pushesBefore));
        }
    }

    double linesPerSecond() {
        return chats.linesSent() / (wallNanos / 1e9);
    }

    /** Reply latency in ms at the given percentile (0–100), over the lines whose reply was seen. */
    double latencyMillis(double percentile) {
        long[] ms = chats.chats.stream().flatMap(c -> c.sent().stream()).filter(s -> s.replyNanos > 0)
                .mapToLong(s -> (s.replyNanos - s.sentNanos) / 1_000_000).sorted().toArray();
        if (ms.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * ms.length) - 1;
        return ms[Math.max(0, Math.min(ms.length - 1, index))];
    }

    String summary() {
        return String.format("%d chats, %d lines in %.1f s: %.1f lines/s, reply p50 %.0f ms, p99 %.0f ms%s%n%s",
                chats.chats.size(), chats.linesSent(), wallNanos / 1e9, linesPerSecond(), latencyMillis(50),
                latencyMillis(99), faults.isEmpty() ? "" : ", faults " + Arrays.toString(faults.toArray()),
                report.text());
    }
}
