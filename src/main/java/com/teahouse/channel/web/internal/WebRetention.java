package com.teahouse.channel.web.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the web chat keeps personal data (PIPL: no longer than needed).
 *
 * @param transcripts a web chat's transcript (what the user typed and was answered) expires this long after its
 *                    last line
 */
@ConfigurationProperties("teahouse.retention.web")
record WebRetention(Duration transcripts) {

    WebRetention {
        transcripts = transcripts == null ? Duration.ofDays(30) : transcripts;
        if (transcripts.toSeconds() < 1) {
            throw new IllegalArgumentException("teahouse.retention.web.transcripts must be positive");
        }
    }
}
