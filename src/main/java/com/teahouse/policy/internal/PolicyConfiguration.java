package com.teahouse.policy.internal;

import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.store.RedisStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the policy office's workspace: the unanswered list, trying a question, the bulk check. The APIs and pages
 * are found by the component scan.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, PolicyRetention.class})
class PolicyConfiguration {

    @Bean
    UnansweredClusters unansweredClusters(RedisStore store, PolicyProperties properties, PolicyRetention retention) {
        return new UnansweredClusters(store, properties.maxUnanswered(), properties.maxVariants(),
                retention.unanswered());
    }

    @Bean
    UnansweredList unansweredList(RedisStore store) {
        return new UnansweredList(store);
    }

    @Bean(destroyMethod = "close")
    UnansweredRecorder unansweredRecorder(PolicyDigest digest, UnansweredClusters clusters) {
        return new UnansweredRecorder(digest, clusters);
    }

    @Bean
    UnansweredRetention unansweredRetention(UnansweredList list, UnansweredClusters clusters,
                                            PolicyRetention retention) {
        return new UnansweredRetention(list, clusters, retention.unanswered());
    }

    @Bean(destroyMethod = "close")
    BulkEvaluation bulkEvaluation(PolicyProperties properties) {
        return new BulkEvaluation(properties.evaluationDir());
    }
}
