package com.teahouse.staff.internal;

import com.teahouse.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the staff module's Spring tests share: a movable clock, a captured Telegram, a fresh data dir. */
final class StaffTestBeans {

    private StaffTestBeans() {
    }

    /** A clock the test moves (login backoff, deadlines), starting at a fixed instant. */
    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-12-02T02:00:00Z"));
        }
    }

    /** Bot API calls recorded instead of sent. */
    @TestConfiguration
    static class CapturedTelegram {
        @Bean
        CapturingTelegram capturingTelegram() {
            return new CapturingTelegram();
        }
    }

    /** Each test class gets its own data dir, so its embedded Redis starts empty. */
    static void freshDataDir(DynamicPropertyRegistry registry, String prefix) {
        try {
            String dir = Files.createTempDirectory(prefix).toString();
            registry.add("teahouse.data-dir", () -> dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
