package com.teahouse.policy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the policy office's list of unanswered questions keeps a line nobody asks again. It holds question
 * texts only (numbers that could identify someone are taken out before they are kept), but no longer than useful.
 *
 * @param unanswered a line goes this long after it was last asked
 */
@ConfigurationProperties("teahouse.retention.policy")
record PolicyRetention(Duration unanswered) {

    PolicyRetention {
        unanswered = unanswered == null ? Duration.ofDays(90) : unanswered;
        if (unanswered.toSeconds() < 1) {
            throw new IllegalArgumentException("teahouse.retention.policy.unanswered must be positive");
        }
    }
}
