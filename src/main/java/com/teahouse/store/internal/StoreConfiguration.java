package com.teahouse.store.internal;

import com.teahouse.store.RedisStore;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    /** Only when no URL is configured; Spring closes it after the client that uses it. */
    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(StoreProperties props, DataDirProperties data,
            Environment environment) {
        if (props.external()) {
            return new EmbeddedRedisHolder(null);
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new EmbeddedRedisInProduction();
        }
        return new EmbeddedRedisHolder(EmbeddedRedis.start(data.redisDir(), 0,
                props.embeddedMaxMemory()));
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis jedis(StoreProperties props, EmbeddedRedisHolder embedded) {
        if (props.sentinel().configured()) {
            return sentinelClient(props);
        }
        URI uri = URI.create(embedded.redis() != null ? embedded.redis().url() : props.url());
        if (!JedisURIHelper.isValid(uri)) {
            throw new RedisMisconfigured("teahouse.redis.url must look like redis://[:password@]host:port[/db]");
        }
        var clientConfig = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(5000)
                .build();
        log.info("Redis at {}:{} (database {})", uri.getHost(), uri.getPort(), JedisURIHelper.getDBIndex(uri));
        return new JedisPooled(pool(props), JedisURIHelper.getHostAndPort(uri), clientConfig);
    }

    /**
     * Through the sentinels: Jedis asks them for the current master, connects its pool there, and follows the
     * sentinels' announcements to a new master after a failover (Jedis's SentineledConnectionProvider, the
     * machinery of JedisSentineled and JedisSentinelPool, with the UnifiedJedis API the rest of the app uses). It is
     * made on first use, not here, so that an instance started while no sentinel answers comes up not ready
     * instead of exiting ({@link LazySentinelConnections}).
     */
    private static UnifiedJedis sentinelClient(StoreProperties props) {
        SentinelSettings settings = SentinelSettings.of(props);
        var sentinel = props.sentinel();
        var master = DefaultJedisClientConfig.builder().user(sentinel.user()).password(sentinel.password())
                .database(sentinel.database() == null ? 0 : sentinel.database())
                .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build();
        var sentinels = DefaultJedisClientConfig.builder().password(sentinel.sentinelPassword())
                .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build();
        log.info("Redis master '{}' through {} sentinel(s)", settings.master(), settings.sentinels().size());
        return new LazySentinelConnections.Client(new LazySentinelConnections(settings.master(), master, pool(props),
                settings.sentinels(), sentinels));
    }

    private static ConnectionPoolConfig pool(StoreProperties props) {
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(props.poolSize());
        pool.setMaxIdle(props.poolSize());
        pool.setMaxWait(Duration.ofSeconds(5));
        return pool;
    }

    @Bean
    RedisStore redisStore(UnifiedJedis jedis, StoreProperties props) {
        return jedis instanceof LazySentinelConnections.Client sentinel
                ? new RedisStore(jedis, props.prefix(), sentinel::currentMaster)
                : new RedisStore(jedis, props.prefix());
    }

    @Bean
    HealthIndicator redisHealth(RedisStore store) {
        return () -> store.reachable() ? Health.up().build()
                : Health.down().withDetail("redis", "not reachable").build();
    }

    record EmbeddedRedisHolder(EmbeddedRedis redis) implements AutoCloseable {
        @Override
        public void close() {
            if (redis != null) {
                redis.close();
            }
        }
    }
}
