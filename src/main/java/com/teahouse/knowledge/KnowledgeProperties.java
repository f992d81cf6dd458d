package com.teahouse.knowledge;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teahouse.knowledge.*}.
 *
 * @param dir  the knowledge directory (default {@code ./knowledge}); missing means an empty digest
 * @param poll how often the directory is checked for edits (default 1s; 0 turns hot reload off)
 */
@ConfigurationProperties("teahouse.knowledge")
public record KnowledgeProperties(Path dir, Duration poll) {

    public KnowledgeProperties {
        dir = dir == null ? Path.of("knowledge") : dir;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
    }
}
