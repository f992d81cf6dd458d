package com.teahouse.limits.internal;

import com.teahouse.limits.LimitsProperties;
import com.teahouse.limits.LimitsProperties.Rate;
import com.teahouse.limits.RateLimiter;
import com.teahouse.store.RedisStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's Jedis backend on our pooled client: each bucket is one Redis key under the deployment's prefix
 * ({@code limits:<scope>:<who>}), updated by compare-and-swap, so instances share it. A bucket's key expires
 * once it would be full again, so idle senders leave nothing behind.
 */
@Component
class RedisBuckets implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    private final RedisStore store;
    private final ProxyManager<String> buckets;
    private final Map<Scope, BucketConfiguration> configurations = new EnumMap<>(Scope.class);

    RedisBuckets(RedisStore store, LimitsProperties props) {
        this.store = store;
        this.buckets = Bucket4jJedis.casBasedBuilder(store.jedis())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .keyMapper(Mapper.STRING)
                .build();
        configurations.put(Scope.WEB_SESSION, configuration(props.webSession()));
        configurations.put(Scope.CLIENT_ADDRESS, configuration(props.clientAddress()));
        configurations.put(Scope.TELEGRAM_USER, configuration(props.telegramUser()));
    }

    private static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()))
                .build();
    }

    @Override
    public Verdict take(Scope scope, String who) {
        String key = store.key("limits:" + scope.name().toLowerCase() + ":" + who);
        try {
            ConsumptionProbe probe = buckets.builder().build(key, () -> configurations.get(scope))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? new Verdict(true, Duration.ZERO)
                    : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            log.warn("Rate limit {} could not be checked ({}); letting the message through", scope, e.toString());
            return new Verdict(true, Duration.ZERO);
        }
    }
}
