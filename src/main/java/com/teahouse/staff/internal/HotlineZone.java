package com.teahouse.staff.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hotline's time zone ({@code teahouse.cases.zone}), in which staff read the times on a case card. Bound here
 * because the cases module's properties record is internal to it; same name and default as there.
 *
 * @param zone the office's zone
 */
@ConfigurationProperties("teahouse.cases")
record HotlineZone(ZoneId zone) {

    HotlineZone {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
