package com.teahouse.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every limit on public input, in one place ({@code teahouse.limits.*}).
 *
 * @param maxBodyBytes      largest request body accepted on {@code /api/**}; more is answered 413
 * @param webSession        messages one web chat may send
 * @param clientAddress     messages from one client address (as resolved behind a trusted proxy)
 * @param telegramUser      messages one Telegram user may send
 * @param streamsPerSession live event streams one web chat or console session may hold; the oldest is closed
 * @param streamsPerAddress live event streams one client address may hold in one instance, all sessions together
 *                          (a new chat costs nothing, so the per-session cap alone bounds nothing); more is a 429
 * @param streamTimeout     how long a live stream lives before the page reconnects
 * @param heartbeat         how often an idle stream is written to, so that a peer that went away is noticed
 */
@ConfigurationProperties("teahouse.limits")
public record LimitsProperties(Integer maxBodyBytes, Rate webSession, Rate clientAddress, Rate telegramUser,
        Integer streamsPerSession, Integer streamsPerAddress, Duration streamTimeout, Duration heartbeat) {

    public LimitsProperties {
        maxBodyBytes = maxBodyBytes == null ? 16 * 1024 : maxBodyBytes;
        webSession = webSession == null ? new Rate(20, 1, Duration.ofSeconds(1)) : webSession;
        clientAddress = clientAddress == null ? new Rate(120, 10, Duration.ofSeconds(1)) : clientAddress;
        telegramUser = telegramUser == null ? new Rate(20, 1, Duration.ofSeconds(1)) : telegramUser;
        streamsPerSession = streamsPerSession == null ? 3 : streamsPerSession;
        streamsPerAddress = streamsPerAddress == null ? 60 : streamsPerAddress;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(5) : streamTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
    }

    /**
     * A token bucket: a burst of {@code capacity}, refilled by {@code refill} tokens every {@code period}.
     */
    public record Rate(long capacity, long refill, Duration period) {

        public Rate {
            if (capacity < 1 || refill < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate needs capacity >= 1, refill >= 1 and a positive period");
            }
        }
    }
}
