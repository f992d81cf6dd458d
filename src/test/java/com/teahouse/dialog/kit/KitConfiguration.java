package com.teahouse.dialog.kit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What the conversation kit adds to the app: the "kit" channel, a hand-moved clock, an in-memory case desk. */
@TestConfiguration(proxyBeanMethods = false)
public class KitConfiguration {

    @Bean
    KitOutlet kitOutlet() {
        return new KitOutlet();
    }

    @Bean
    MutableClock mutableClock() {
        return new MutableClock();
    }

    /** One desk for every app instance in this JVM, as the real one is shared through Redis. */
    @Bean
    InMemoryCaseDesk inMemoryCaseDesk() {
        return InMemoryCaseDesk.SHARED;
    }
}
