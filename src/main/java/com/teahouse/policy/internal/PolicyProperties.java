package com.teahouse.policy.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy office's workspace.
 *
 * @param evaluationDir  the evaluation set the bulk check runs (the same files the quality gate test reads)
 * @param maxUnanswered  lines the unanswered list keeps; above it the line asked longest ago goes
 * @param maxVariants    phrasings kept per line (the most frequent ones)
 */
@ConfigurationProperties("teahouse.policy")
record PolicyProperties(Path evaluationDir, Integer maxUnanswered, Integer maxVariants) {

    PolicyProperties {
        evaluationDir = evaluationDir == null ? Path.of("knowledge", "eval") : evaluationDir;
        maxUnanswered = maxUnanswered == null ? 5_000 : maxUnanswered;
        maxVariants = maxVariants == null ? 5 : maxVariants;
        if (maxUnanswered < 1 || maxVariants < 1) {
            throw new IllegalArgumentException("teahouse.policy.max-unanswered and max-variants must be positive");
        }
    }
}
