package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.staff.StaffRole;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Login throttling against a real server and Redis, on a clock the test moves: a parallel burst gets at most
 * {@link LoginThrottle#FREE_ATTEMPTS} bcrypt checks (counted by the encoder's meter), the wait grows and ends,
 * and an account that backs off can still be entered from an IP without failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=admin-Pass-for-tests-2026", "teahouse.cases.poll-interval=1h"})
@Import(StaffTestBeans.MovableClock.class)
class LoginThrottleIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "throttle-it");
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    AccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RedisStore redis;

    @Test
    void thirtyParallelWrongPasswordsGetAtMostFiveBcryptChecks() throws Exception {
        accounts.create(new Account("burst", encoder.encode("burst-password-ok"), Set.of(StaffRole.STAFF), "iit",
                "Burst", null, null));
        List<ConsoleClient> clients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clients.add(new ConsoleClient(port).openLogin());
        }
        double before = checks();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ConsoleClient c = clients.get(i);
                String guess = "wrong-guess-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return c.submitLogin("burst", guess);
                }));
            }
            start.countDown();
            for (Future<Boolean> r : results) {
                assertFalse(r.get());
            }
        } finally {
            pool.shutdown();
        }
        double bcrypt = checks() - before;
        System.out.println("30 parallel wrong logins -> " + (long) bcrypt + " bcrypt checks");
        assertTrue(bcrypt <= LoginThrottle.FREE_ATTEMPTS, bcrypt + " bcrypt checks");

        assertFalse(new ConsoleClient(port).login("burst", "burst-password-ok"), "this IP waits, even when right");
        assertEquals(bcrypt, checks() - before, "and no password was checked for it");
        clock.advance(LoginThrottle.BASE.multipliedBy(2));
        assertTrue(new ConsoleClient(port).login("burst", "burst-password-ok"), "the wait ends");
    }

    @Test
    void theWaitDoublesAndAnotherIpStillGetsIn() {
        String user = "backoff-user";
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertEquals(Duration.ZERO, throttle.enter("10.0.0.1", user));
        }
        Duration first = throttle.enter("10.0.0.1", user);
        assertEquals(LoginThrottle.BASE, first);
        clock.advance(first);
        assertEquals(Duration.ZERO, throttle.enter("10.0.0.1", user), "after the wait one more try");
        assertEquals(LoginThrottle.BASE.multipliedBy(2), throttle.enter("10.0.0.1", user), "then twice as long");

        assertEquals(Duration.ZERO, throttle.enter("10.0.0.2", user), "an IP without failures may try");
        assertTrue(throttle.enter("10.0.0.2", user).toMillis() > 0, "but only once while the account backs off");
        throttle.passed("10.0.0.2", user);
        assertEquals(Duration.ZERO, throttle.enter("10.0.0.3", user), "a success clears the account");

        for (int i = 0; i < 40; i++) {
            clock.advance(LoginThrottle.LONGEST);
            throttle.enter("10.0.0.1", user);
        }
        clock.advance(Duration.ofMillis(1));
        assertTrue(throttle.enter("10.0.0.1", user).compareTo(LoginThrottle.LONGEST) <= 0, "never longer than that");
    }

    private double checks() {
        return meters.get("teahouse.login.password.checks").counter().count();
    }
}
