package com.teahouse.policy.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy office's workspace, {@code teahouse.policy.*}.
 *
 * @param evaluationDir  the evaluation set the bulk check runs (the same files the quality gate test reads)
 * @param maxUnanswered  lines the unanswered list keeps; above it the line asked longest ago goes
 * @param maxVariants    phrasings kept per line (the most frequent ones)
 * @param maxBodyBytes   largest request body on {@code /policy/api/**} (default 256 KB: an entry is a few KB, the
 *                       synonyms file tens of KB); more is answered 413 and nothing is read into memory
 */
@ConfigurationProperties("teahouse.policy")
record PolicyProperties(Path evaluationDir, Integer maxUnanswered, Integer maxVariants, Integer maxBodyBytes) {

    PolicyProperties {
        evaluationDir = evaluationDir == null ? Path.of("knowledge", "eval") : evaluationDir;
        maxUnanswered = maxUnanswered == null ? 5_000 : maxUnanswered;
        maxVariants = maxVariants == null ? 5 : maxVariants;
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        if (maxUnanswered < 1 || maxVariants < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException(
                    "teahouse.policy.max-unanswered, max-variants and max-body-bytes must be positive");
        }
    }
}
