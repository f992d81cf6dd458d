package com.teahouse.knowledge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Wires the digest and its HTTP API; depends on nothing else of the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
@Import(KnowledgeSearchController.class)
public class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    public PolicyDigest policyDigest(KnowledgeProperties properties, ObjectProvider<MeterRegistry> registry) {
        return new PolicyDigest(properties.dir(), registry.getIfAvailable(SimpleMeterRegistry::new), properties.poll());
    }
}
