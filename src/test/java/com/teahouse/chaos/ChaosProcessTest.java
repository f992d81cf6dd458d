package com.teahouse.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite, short: three hotlines in webhook mode behind HAProxy, a few chats doing a complaint form and two
 * questions with duplicate updates, while instances are killed with SIGKILL and restarted, the Redis master is
 * killed with SIGKILL and restarted (behind Sentinel), the master is failed over to its replica (SENTINEL
 * FAILOVER: the old master's last step commits may be lost, and their lanes must do those entries again before
 * any later one), one instance is frozen past its lease, and the fake Bot API answers with 429 and 502 storms.
 * Nothing is lost, nothing is done twice: every reply arrives, in order, each form opens one case, and each case's
 * notice reaches the staff forum once. {@link ChaosBench} is the long version with figures.
 */
class ChaosProcessTest {

    @TempDir
    Path dir;

    @Test
    void nothingIsLostOrDoubledUnderKillsARedisCrashAFailoverAFreezeAndStorms() throws Exception {
        assertThat(ChaosCluster.haproxyBinary()).as("HAProxy (Debian package haproxy; .ci/run installs it)")
                .isNotNull();
        try (ChaosCluster cluster = new ChaosCluster(dir, 3, false)) {
            cluster.startInstances(3);
            ChaosRun run = ChaosRun.run(cluster, 7_000_001L, 8, 0.15,
                    new ChaosFaults(cluster, 2, 6, 2_000, true), Duration.ofMinutes(3));
            System.out.println("ChaosProcessTest: " + run.summary());
            ChaosReport r = run.report;
            assertThat(run.faults).hasSize(7).anyMatch(f -> f.startsWith("failover "));
            assertThat(r.repliesLost).as("replies lost").isZero();
            assertThat(r.orderViolations).as("order violations").isZero();
            assertThat(r.formsCompleted).isEqualTo(8);
            assertThat(r.formsWithOneCase).as("chats with exactly one case").isEqualTo(8);
            assertThat(r.noticesLost).as("cases without their staff topic").isZero();
            assertThat(r.noticesDoubled).as("cases with two staff topics").isZero();
            assertThat(r.noticesUndelivered).isZero();
            assertThat(r.deadLetters).isZero();
            assertThat(r.rejectedCalls).as("calls Telegram would refuse").isZero();
            // A reply is sent again only when its sender was cut between Telegram's answer and the outbox's XACK
            // (by a kill, the Redis crash or the freeze), or when the failover lost that XACK or the step's commit
            // with the old master (the step is done again): 2 + 1 + 1 + 1 interruptions here, at most 8 sends in
            // flight each
            assertThat(r.duplicateReplies).as("duplicate replies: %s", r.duplicatesByReply)
                    .isLessThanOrEqualTo(ChaosReport.duplicateBound(2));
        }
    }
}
