package com.teahouse.messaging.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready to take messages once this instance is running its lanes. */
@Component("lanes")
class LanesHealth implements HealthIndicator {

    private final LaneSupervisor lanes;

    LanesHealth(LaneSupervisor lanes) {
        this.lanes = lanes;
    }

    @Override
    public Health health() {
        return lanes.ready() ? Health.up().build() : Health.down().withDetail("lanes", "none owned yet").build();
    }
}
