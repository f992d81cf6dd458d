package com.teahouse.store.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      external Redis (redis:// or rediss://, with password and database index); absent: embedded
 * @param prefix   the prefix of every key
 * @param poolSize connections in the pool; blocking stream reads hold one each
 */
@ConfigurationProperties("teahouse.redis")
record StoreProperties(String url, String prefix, Integer poolSize) {

    StoreProperties {
        prefix = prefix == null || prefix.isBlank() ? "teahouse:" : prefix;
        poolSize = poolSize == null ? 64 : poolSize;
    }

    static Path redisDir(String dataDir) {
        return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir).resolve("redis");
    }
}
