package com.teahouse.knowledge;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires the digest and its HTTP API. With Redis (the application) the digest serves the published versions kept
 * there; without it (this module on its own) it serves and watches the knowledge directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
@Import(KnowledgeSearchController.class)
public class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    public PolicyDigest policyDigest(KnowledgeProperties properties, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<RedisStore> redis, ObjectProvider<Clock> clock, ObjectProvider<WhenRedisUp> whenRedisUp) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        Clock time = clock.getIfAvailable(Clock::systemDefaultZone);
        RedisStore store = redis.getIfAvailable();
        if (store == null) {
            return new PolicyDigest(properties.dir(), meters, properties.poll(), time);
        }
        return PublishedDigests.open(store, properties, meters, time, whenRedisUp.getIfAvailable(WhenRedisUp::new));
    }

    /** The versioned digest; null (no bean to inject) when there is no Redis. */
    @Bean
    public DigestStore digestStore(PolicyDigest digest) {
        return digest.store().orElse(null);
    }
}
