package com.teahouse.store.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      external Redis (redis:// or rediss://, with password and database index); absent: embedded
 * @param prefix   the prefix of every key
 * @param poolSize connections in the pool; blocking stream reads hold one each
 * @param embeddedMaxMemory {@code maxmemory} of the embedded redis-server (e.g. {@code 256mb}); when full, writes
 *                 are refused (never evicted) and the app answers "busy"
 */
@ConfigurationProperties("teahouse.redis")
record StoreProperties(String url, String prefix, Integer poolSize, String embeddedMaxMemory) {

    StoreProperties {
        prefix = prefix == null || prefix.isBlank() ? "teahouse:" : prefix;
        poolSize = poolSize == null ? 64 : poolSize;
        embeddedMaxMemory = embeddedMaxMemory == null || embeddedMaxMemory.isBlank()
                ? EmbeddedRedis.DEFAULT_MAX_MEMORY : embeddedMaxMemory;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    static Path redisDir(String dataDir) {
        return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir).resolve("redis");
    }
}
