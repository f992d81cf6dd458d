package com.teahouse.limits.internal;

import com.teahouse.limits.LimitsProperties.Rate;
import com.teahouse.limits.SharedRates;
import com.teahouse.store.RedisStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link SharedRates} on Bucket4j's Jedis backend: each bucket is the key {@code limits:shared:<name>}, changed by
 * compare-and-swap, so every instance draws from the same tokens. Several buckets are taken in turn; when a later
 * one refuses, the tokens already taken are given back, so a refusal costs nothing.
 */
@Component
class RedisSharedRates implements SharedRates {

    private static final Logger log = LoggerFactory.getLogger(RedisSharedRates.class);

    private final RedisStore store;
    private final ProxyManager<String> buckets;
    private final Map<Rate, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    RedisSharedRates(RedisStore store) {
        this.store = store;
        this.buckets = Bucket4jJedis.casBasedBuilder(store.jedis())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .keyMapper(Mapper.STRING)
                .build();
    }

    @Override
    public Duration tryTake(List<Limit> limits) {
        List<BucketProxy> taken = new ArrayList<>(limits.size());
        try {
            for (Limit limit : limits) {
                BucketProxy bucket = buckets.builder().build(store.key("limits:shared:" + limit.name()),
                        () -> configurations.computeIfAbsent(limit.rate(), RedisSharedRates::configuration));
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    taken.forEach(b -> b.addTokens(1));
                    return Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000));
                }
                taken.add(bucket);
            }
            return Duration.ZERO;
        } catch (RuntimeException e) {
            log.warn("Shared rate limits could not be checked ({}); going ahead", e.toString());
            return Duration.ZERO;
        }
    }

    private static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()))
                .build();
    }
}
