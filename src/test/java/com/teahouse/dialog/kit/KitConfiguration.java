package com.teahouse.dialog.kit;

import org.springframework.boot.test.context.TestConfiguration;
import com.teahouse.dialog.internal.ScriptedKnowledge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What the conversation kit adds to the app: the "kit" channel, a stand-in "telegram" outlet for the staff
 * forum, a hand-moved clock, and the knowledge decisions scripts may set ({@link ScriptedKnowledge}). Cases are
 * the real module's, in the same Redis.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ScriptedKnowledge.class)
public class KitConfiguration {

    @Bean
    KitOutlet kitOutlet() {
        return new KitOutlet(KitOutlet.CHANNEL);
    }

    @Bean
    KitOutlet kitStaffForum() {
        return new KitOutlet(KitApp.STAFF_CHANNEL);
    }

    @Bean
    HeardMisses heardMisses() {
        return new HeardMisses();
    }

    /** Primary: the cases module defines a system clock too, and the dialog and deadlines must share this one. */
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
