package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.store.internal.EmbeddedRedis;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** A script runs by its SHA, and still runs after Redis forgot it (a restart, a failover, SCRIPT FLUSH). */
class LuaScriptTest {

    @TempDir
    Path dir;

    private static final LuaScript INCR_BY = LuaScript.of("incr-by",
            "return redis.call('INCRBY', KEYS[1], ARGV[1])");

    @Test
    void runsByShaAndReloadsWhenRedisForgotTheScript() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
                JedisPooled jedis = new JedisPooled(URI.create(redis.url()));
                redis.clients.jedis.Jedis admin = redis.connect()) {
            RedisStore store = new RedisStore(jedis, "t:");
            assertThat(INCR_BY.run(store, List.of(store.key("n")), List.of("2"))).isEqualTo(2L);
            String sha = sha1("return redis.call('INCRBY', KEYS[1], ARGV[1])");
            assertThat(admin.scriptExists(sha)).as("loaded, so later calls send only the SHA").isTrue();

            admin.scriptFlush();
            assertThat(admin.scriptExists(sha)).isFalse();
            assertThat(INCR_BY.run(store, List.of(store.key("n")), List.of("3"))).isEqualTo(5L);
            assertThat(INCR_BY.run(store, List.of(store.key("n")), List.of("4"))).isEqualTo(9L);
            assertThat(admin.scriptExists(sha)).as("loaded again after the flush").isTrue();
        }
    }

    private static String sha1(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingResourceIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LuaScript.resource("/nowhere/none.lua"))
                .hasMessageContaining("/nowhere/none.lua");
    }
}
