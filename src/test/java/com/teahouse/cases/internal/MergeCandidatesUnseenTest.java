package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseMerging.Similar;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * 并单 candidates of cases the index's searcher does not show yet (opened since its last reopen, which runs in the
 * background): they are scored directly, with the same document frequencies, so a case finds the same candidates
 * and scores before and after the reopen.
 */
class MergeCandidatesUnseenTest {

    @TempDir
    Path data;

    @Test
    void aCaseOpenedSinceTheLastReopenIsFoundWithTheScoreTheReopenedIndexGives() throws Exception {
        try (EmbeddedRedis server = EmbeddedRedis.start(data.resolve("redis"));
                JedisPooled jedis = new JedisPooled(URI.create(server.url()))) {
            RedisStore redis = new RedisStore(jedis, "t:");
            MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"));
            long now = clock.instant().toEpochMilli();
            Random random = new Random(5);
            for (int i = 0; i < 600; i++) { // more than a catch-up scores one by one: the index reopens at once
                put(redis, "OLD-" + i, MergeCandidatesBench.fields(random, now - 86_400_000L - i));
            }
            // a searcher that never reopens by itself: whatever opens after the warm-up is unseen
            MergeCandidates candidates = new MergeCandidates(redis, null, new MergeProperties(null, null, null),
                    clock, 3600);
            try {
                candidates.warmUp();
                assertThat(candidates.index().unseen()).isZero();
                put(redis, "A", complaint("潍坊恒达建筑工程有限公司", "市住建局学校操场改造项目的工程尾款86万元拖欠一年多，多次催要无果"));
                candidates.index().catchUp(clock.instant());
                Map<String, String> b = complaint("恒达建筑工程", "学校操场改造工程款86万元住建局一直拖欠不付，工人工资发不出来");
                put(redis, "B", b);

                List<Similar> unseen = detect(candidates, b);
                assertThat(candidates.index().unseen()).isEqualTo(2);
                candidates.index().reopenNow();
                assertThat(candidates.index().unseen()).isZero();
                List<Similar> seen = detect(candidates, b);

                assertThat(unseen).extracting(Similar::tracking).containsExactly("A");
                assertThat(unseen).isEqualTo(seen);
            } finally {
                candidates.destroy();
            }
        }
    }

    private static List<Similar> detect(MergeCandidates candidates, Map<String, String> f) {
        return candidates.detect("B", f.get("category"), f.get("location"), f.get("description"),
                f.get("company"), SimilarIndex.ownerHash(f.get("ownerChannel"), f.get("ownerChat")), false);
    }

    private static Map<String, String> complaint(String company, String description) {
        Map<String, String> f = MergeCandidatesBench.fields(new Random(1), Instant.parse("2026-11-20T01:00:00Z")
                .toEpochMilli());
        f.put("category", "payment");
        f.put("location", "奎文区");
        f.put("company", company);
        f.put("description", description);
        return f;
    }

    private static void put(RedisStore redis, String t, Map<String, String> f) {
        redis.jedis().hset(redis.key("case:" + t), f);
        redis.jedis().zadd(redis.key("cases:all"), Long.parseLong(f.get("openedAt")), t);
    }
}
