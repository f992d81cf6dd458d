package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The embedded redis-server: persistence across restarts, and no two servers on one data directory. */
class EmbeddedRedisTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.xadd("inbox", StreamEntryID.NEW_ENTRY, java.util.Map.of("m", "hello"));
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(jedis.xlen("inbox")).isEqualTo(1);
        }
    }

    @Test
    void aServerOrphanedByAKilledAppIsStoppedBeforeANewOneUsesItsData() {
        EmbeddedRedis orphan = EmbeddedRedis.start(dir); // never closed: as if the JVM had been killed with -9
        try (Jedis jedis = new Jedis("127.0.0.1", orphan.port())) {
            jedis.set("written-before-the-crash", "yes");
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir); Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(jedis.get("written-before-the-crash")).isEqualTo("yes");
            assertThatThrownBy(() -> {
                try (Jedis old = new Jedis("127.0.0.1", orphan.port(), 500)) {
                    old.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);
        }
    }
}
