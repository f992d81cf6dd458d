package com.teahouse.store.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teahouse.data-dir}, a top-level setting because more than Redis lives there (the first admin's password
 * file is placed there by {@code application.yml}); this module needs it for the embedded redis-server's files.
 *
 * @param dataDir where the embedded Redis keeps its append-only data, under {@code redis/}
 */
@ConfigurationProperties("teahouse")
record DataDirProperties(String dataDir) {

    DataDirProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    }

    Path redisDir() {
        return Path.of(dataDir).resolve("redis");
    }
}
