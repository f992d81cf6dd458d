package com.teahouse.cases.internal;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a case keeps its complainant's personal data (PIPL: no longer than needed).
 *
 * @param anonymiseAfter a closed or declined case is anonymised this long after it ended ("24m", "2y"): name,
 *                       phone, company, credit code and free text go, the figures (state, dates, unit, category,
 *                       district, rating) stay
 * @param notices        delivered entries of the case notices stream (they carry replies and notes) are trimmed
 *                       after this; an undelivered one never is
 */
@ConfigurationProperties("teahouse.retention.cases")
record CaseRetention(Period anonymiseAfter, Duration notices) {

    CaseRetention {
        anonymiseAfter = anonymiseAfter == null ? Period.ofMonths(24) : anonymiseAfter;
        notices = notices == null ? Duration.ofDays(7) : notices;
        if (notices.isNegative() || notices.isZero()) {
            throw new IllegalArgumentException("teahouse.retention.cases.notices must be positive");
        }
        if (anonymiseAfter.isNegative() || anonymiseAfter.isZero()) {
            throw new IllegalArgumentException("teahouse.retention.cases.anonymise-after must be positive");
        }
    }
}
