package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.testsupport.HotlineProcesses;
import com.teahouse.testsupport.HotlineProcesses.End;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * kill -9 between a case change and its notice: the hotline (its own process) stores a claim while no instance
 * may deliver notices (the test holds the delivery lease), and is killed with SIGKILL. Started again, it delivers
 * the stored notice: the entrepreneur gets "taken by Li" through the fake Bot API exactly once.
 */
class NoticeCrashProcessTest {

    @TempDir
    Path data;

    @Test
    void theNoticeArrivesOnceAfterAKillBetweenCommitAndDelivery() throws Exception {
        try (HotlineProcesses hotline = HotlineProcesses.start(data, NoticeInstance.class)) {
            JedisPooled jedis = hotline.jedis();
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat owner = telegram.privateChat(4242L, "Zhang", "zh");
            String deliveryLease = "teahouse:lease:case-notices";
            jedis.set(deliveryLease, "the-test", SetParams.setParams().px(Duration.ofMinutes(20).toMillis()));
            String t = hotline.run("first", End.KILL, List.of(Long.toString(owner.id())), () -> {
                await().atMost(Duration.ofMinutes(6)).until(() -> jedis.exists("test:changed"));
                assertThat(jedis.xlen("teahouse:cases:notices")).isEqualTo(2); // dispatched, claimed
                return jedis.get("test:changed");
            });
            assertThat(telegram.sentMessages(owner.id())).isEmpty();
            jedis.del(deliveryLease);
            hotline.run("second", End.STOP, List.of(), () -> {
                await().atMost(Duration.ofMinutes(6)).until(() -> allDelivered(jedis));
                List<SentMessage> sent = telegram.awaitSent(owner.id(), 1, Duration.ofMinutes(2));
                assertThat(sent).hasSize(1);
                assertThat(sent.get(0).text()).contains(t).contains("Li");
                // the outbox has nothing left to send: the one notice was all there was
                await().atMost(Duration.ofMinutes(1)).until(() -> jedis.xpending("teahouse:outbox:"
                        + shardOf(jedis, t), "lanes").getTotal() == 0);
                assertThat(telegram.sentMessages(owner.id())).hasSize(1);
            });
        }
    }

    private static boolean allDelivered(JedisPooled jedis) {
        return jedis.xinfoGroups("teahouse:cases:notices").stream().anyMatch(g -> g.getName()
                .equals(CaseNotices.GROUP) && g.getPending() == 0 && g.getLastDeliveredId().equals(
                jedis.xinfoStream("teahouse:cases:notices").getLastGeneratedId()));
    }

    /** The lane of the owner's chat, as the message path computes it (16 lanes by default). */
    private static int shardOf(JedisPooled jedis, String t) {
        String owner = jedis.hget("teahouse:case:" + t, "ownerChat");
        return Math.floorMod(("telegram:" + owner).hashCode(), 16);
    }
}
