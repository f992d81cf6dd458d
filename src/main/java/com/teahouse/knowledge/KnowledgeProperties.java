package com.teahouse.knowledge;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teahouse.knowledge.*}.
 *
 * @param dir  the knowledge directory (default {@code ./knowledge}); missing means an empty digest
 * @param poll how often the directory is checked for edits (default 1s; 0 turns hot reload off)
 * @param warmUp whether an instance following the published digest warms its publish path up at start-up on a
 *               scratch index (default true: the first publishes then do not make searches wait for the JIT; tests
 *               that start many instances turn it off, it costs each about 5 s of CPU)
 */
@ConfigurationProperties("teahouse.knowledge")
public record KnowledgeProperties(Path dir, Duration poll, Boolean warmUp) {

    public KnowledgeProperties {
        dir = dir == null ? Path.of("knowledge") : dir;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        warmUp = warmUp == null || warmUp;
    }
}
