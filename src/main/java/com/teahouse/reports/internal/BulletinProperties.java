package com.teahouse.reports.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weekly bulletin's posting, {@code teahouse.reports.bulletin.*}.
 *
 * @param enabled    post on the schedule at all (publishing by hand works either way)
 * @param cron       when to post, a Spring cron expression in {@code zone}; the bulletin covers the week (Monday
 *                   to Sunday) before the day it fires
 * @param zone       the zone of the cron expression
 * @param checkEvery how often each instance looks whether a posting is due (the clock is the app's clock)
 * @param catchUp    a posting missed while every instance was down is still made this long after its time
 * @param keepClaim  how long the claim {@code bulletin:<week>} that makes the post happen once is kept
 * @param language   the language of the posted text and file
 */
@ConfigurationProperties("teahouse.reports.bulletin")
record BulletinProperties(Boolean enabled, String cron, ZoneId zone, Duration checkEvery, Duration catchUp,
        Duration keepClaim, String language) {

    BulletinProperties {
        enabled = enabled == null || enabled;
        cron = cron == null || cron.isBlank() ? "0 0 9 * * MON" : cron;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        checkEvery = checkEvery == null ? Duration.ofMinutes(1) : checkEvery;
        catchUp = catchUp == null ? Duration.ofDays(3) : catchUp;
        keepClaim = keepClaim == null ? Duration.ofDays(60) : keepClaim;
        language = language == null || language.isBlank() ? "zh" : language;
    }
}
