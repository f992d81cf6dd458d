package com.teahouse.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the message path keeps personal data (PIPL: no longer than needed).
 *
 * @param streams         acknowledged inbox and outbox entries are trimmed after this (kept a while for recovery
 *                        and diagnosis); unacknowledged ones are never trimmed
 * @param conversations   a chat's conversation state ({@code conv:*}: form answers, transcript) expires this long
 *                        after its last message
 * @param deadLetters     dead-lettered replies are trimmed after this
 * @param deadLettersMax  and the dead-letter stream never holds many more than this many entries
 */
@ConfigurationProperties("teahouse.retention.messaging")
public record MessagingRetention(Duration streams, Duration conversations, Duration deadLetters,
        Integer deadLettersMax) {

    public MessagingRetention {
        streams = streams == null ? Duration.ofDays(7) : streams;
        conversations = conversations == null ? Duration.ofDays(30) : conversations;
        deadLetters = deadLetters == null ? Duration.ofDays(30) : deadLetters;
        deadLettersMax = deadLettersMax == null ? 10_000 : deadLettersMax;
        if (streams.isNegative() || conversations.toSeconds() < 1 || deadLetters.isNegative() || deadLettersMax < 1) {
            throw new IllegalArgumentException("teahouse.retention.messaging periods and cap must be positive");
        }
    }
}
