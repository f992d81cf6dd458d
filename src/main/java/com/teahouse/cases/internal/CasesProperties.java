package com.teahouse.cases.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param prefix          the tracking numbers' two letters
 * @param zone            the hotline's time zone: days of receipt, working hours
 * @param claimHours      working hours to claim a dispatched case
 * @param rateDays        days to rate a reply before the case closes by itself
 * @param pollInterval    how often the deadline scheduler looks for due items
 * @param itemLease       how long a claimed deadline item is held before another instance may retry it
 * @param supervisorChat  where breaches are announced on Telegram (default: the staff chat)
 */
@ConfigurationProperties("teahouse.cases")
record CasesProperties(String prefix, ZoneId zone, Integer claimHours, Integer rateDays, Duration pollInterval,
        Duration itemLease, String supervisorChat) {

    CasesProperties {
        prefix = prefix == null || prefix.isBlank() ? "QY" : prefix.strip().toUpperCase();
        if (!prefix.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("teahouse.cases.prefix must be two letters A-Z");
        }
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        claimHours = claimHours == null ? 2 : claimHours;
        rateDays = rateDays == null ? 3 : rateDays;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        itemLease = itemLease == null ? Duration.ofSeconds(60) : itemLease;
    }
}
