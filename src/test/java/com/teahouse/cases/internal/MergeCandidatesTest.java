package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseMerging.Similar;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * 并单 candidates at opening, on a real redis-server: what is compared with what (open cases of the last 30 days,
 * same category and district), that a case opened a moment before is found at once (on any instance), and that
 * the same complaint sent twice by one entrepreneur is caught.
 */
class MergeCandidatesTest {

    static final String A_TEXT = "市住建局学校操场改造项目的工程尾款86万元拖欠一年多，多次催要无果";
    static final String B_TEXT = "学校操场改造工程款86万元住建局一直拖欠不付，工人工资发不出来";

    @TempDir
    Path data;
    EmbeddedRedis server;
    JedisPooled jedis;
    RedisStore redis;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"));
    MergeCandidates candidates;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start(data.resolve("redis"));
        jedis = new JedisPooled(URI.create(server.url()));
        redis = new RedisStore(jedis, "t:");
        Random random = new Random(5);
        long now = clock.instant().toEpochMilli();
        for (int i = 0; i < 600; i++) { // other complaints of the window, in every group
            put("OLD-" + i, MergeCandidatesBench.fields(random, now - 86_400_000L - i * 60_000L));
        }
        candidates = new MergeCandidates(redis, new MergeProperties(null, null, null), clock);
        candidates.warmUp();
        assertThat(candidates.held()).isEqualTo(600);
    }

    @AfterEach
    void stop() {
        jedis.close();
        server.close();
    }

    @Test
    void aCaseOpenedAMomentBeforeIsFoundAtOnce() {
        put("A", complaint("A", "潍坊恒达建筑工程有限公司", A_TEXT, "1", opened(-60)));
        put("B", complaint("B", "恒达建筑工程", B_TEXT, "2", opened(0)));

        List<Similar> found = detect("B");

        assertThat(found).extracting(Similar::tracking).containsExactly("A");
        assertThat(found.get(0).reasons()).containsExactly("text", "company");
        assertThat(candidates.held()).isEqualTo(602);
    }

    @Test
    void theSameComplaintSentTwiceByOneEntrepreneurIsCaught() {
        put("A", complaint("A", "", A_TEXT, "7", opened(-3600)));
        put("B", complaint("B", "", A_TEXT + "。", "7", opened(0)));

        List<Similar> found = detect("B");

        assertThat(found).extracting(Similar::tracking).containsExactly("A");
        assertThat(found.get(0).reasons()).contains("text", "owner");
        assertThat(found.get(0).score()).isEqualTo(0.9); // the same text (0.8) and the same sender (0.1)
    }

    @Test
    void onlyOpenCasesOfTheWindowInTheSameCategoryAndDistrictAreCandidates() {
        put("A", complaint("A", "潍坊恒达建筑工程有限公司", A_TEXT, "1", opened(-60)));
        Map<String, String> elsewhere = complaint("D", "潍坊恒达建筑工程有限公司", A_TEXT, "3", opened(-50));
        elsewhere.put("location", "潍城区");
        put("D", elsewhere);
        Map<String, String> otherKind = complaint("K", "潍坊恒达建筑工程有限公司", A_TEXT, "4", opened(-40));
        otherKind.put("category", "deposit");
        put("K", otherKind);
        put("OLDER", complaint("OLDER", "潍坊恒达建筑工程有限公司", A_TEXT, "5", opened(-31 * 86_400)));
        Map<String, String> closed = complaint("CL", "潍坊恒达建筑工程有限公司", A_TEXT, "6", opened(-30));
        closed.put("state", "closed");
        put("CL", closed);
        put("B", complaint("B", "恒达建筑工程", B_TEXT, "2", opened(0)));

        assertThat(detect("B")).extracting(Similar::tracking).containsExactly("A");
    }

    @Test
    void aCaseWrittenAfterANewerOneIsStillRead() {
        put("N", complaint("N", "", "教育局欠我们印刷教材的钱38万，发票都开了六个月了还不给结算", "8", opened(0)));
        detect("N"); // the newest opening time seen is now N's
        // A took its opening time before N's but reached Redis after N's comparison (another instance)
        put("A", complaint("A", "潍坊恒达建筑工程有限公司", A_TEXT, "1", opened(-2)));
        clock.advance(Duration.ofSeconds(1));
        put("B", complaint("B", "恒达建筑工程", B_TEXT, "2", opened(0)));

        assertThat(detect("B")).extracting(Similar::tracking).containsExactly("A");
    }

    @Test
    void casesThatLeftTheWindowAreForgotten() {
        put("A", complaint("A", "潍坊恒达建筑工程有限公司", A_TEXT, "1", opened(0)));
        candidates.catchUp();
        assertThat(candidates.held()).isEqualTo(601);

        clock.advance(Duration.ofDays(31));
        put("B", complaint("B", "恒达建筑工程", B_TEXT, "2", opened(0)));

        assertThat(detect("B")).isEmpty();
        assertThat(candidates.held()).isEqualTo(1);
    }

    private List<Similar> detect(String t) {
        return candidates.detect(t);
    }

    private long opened(long secondsFromNow) {
        return clock.instant().plusSeconds(secondsFromNow).toEpochMilli();
    }

    private static Map<String, String> complaint(String t, String company, String description, String chat,
            long opened) {
        Map<String, String> f = MergeCandidatesBench.fields(new Random(t.hashCode()), opened);
        f.put("category", "payment");
        f.put("location", "奎文区");
        f.put("company", company);
        f.put("description", description);
        f.put("ownerChat", chat);
        return f;
    }

    private void put(String t, Map<String, String> f) {
        redis.jedis().hset(redis.key("case:" + t), f);
        redis.jedis().zadd(redis.key("cases:all"), Long.parseLong(f.get("openedAt")), t);
    }
}
