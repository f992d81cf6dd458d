package com.teahouse.staff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's own settings.
 *
 * @param searchRefresh how often the search index is rebuilt from Redis, to take in changes made on other
 *                      instances (changes made here are indexed at once)
 * @param maxDownloadBytes the largest attachment the console streams from Telegram (larger: 413)
 */
@ConfigurationProperties("teahouse.console")
record ConsoleProperties(Duration searchRefresh, Long maxDownloadBytes) {

    ConsoleProperties {
        searchRefresh = searchRefresh == null ? Duration.ofMinutes(10) : searchRefresh;
        maxDownloadBytes = maxDownloadBytes == null ? 20L * 1024 * 1024 : maxDownloadBytes;
    }
}
