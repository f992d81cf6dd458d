package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.staff.StaffRole;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.params.ScanParams;

/**
 * The account lifecycle over real HTTP against a real server and Redis: password rules, admin changes that end
 * sessions at once, the last admin, one account per Telegram user, the audit stream, CSRF from the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=" + AccountsApiIT.ADMIN_PASSWORD, "teahouse.cases.poll-interval=1h"})
@Import(StaffTestBeans.MovableClock.class)
class AccountsApiIT {

    static final String ADMIN_PASSWORD = "admin-Pass-for-tests-2026";
    static final String BASE = "/staff/api/admin/accounts";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "accounts-it");
    }

    @LocalServerPort
    int port;
    @Autowired
    RedisStore redis;
    @Autowired
    AccountStore accounts;

    /** Every test logs in from 127.0.0.1: each starts with no login failures on record. */
    @BeforeEach
    void forgetFailures() {
        for (String key : keys(redis.key("staff:login:*"))) {
            redis.jedis().del(key);
        }
    }

    ConsoleClient admin() {
        ConsoleClient c = new ConsoleClient(port);
        assertTrue(c.login("admin", ADMIN_PASSWORD), "admin logs in");
        return c;
    }

    ConsoleClient.Answer create(ConsoleClient admin, String username, String password, String... roles) {
        return admin.post(BASE, Map.of("username", username, "password", password, "roles", List.of(roles),
                "unit", "iit"));
    }

    @Test
    void weakOrOverlongPasswordsGetA400WithTheReasonAndNothingIsCreated() {
        ConsoleClient admin = admin();
        Map<String, String> refused = Map.of("aaaaaaaaaa", "account.password.too-short",
                "aaaaaaaaaaaa", "account.password.one-character", "x1".repeat(50), "account.password.too-long",
                "Password1234", "account.password.common", "weakling-one", "account.password.username");
        refused.forEach((password, error) -> {
            ConsoleClient.Answer a = create(admin, "weakling-one", password, "STAFF");
            assertEquals(400, a.status(), password);
            assertEquals(error, a.json().get("error").asText());
            assertFalse(a.json().get("message").asText().isBlank());
        });
        assertTrue(accounts.find("weakling-one").isEmpty(), "nothing was created");
        assertEquals(400, create(admin, "x".repeat(65), "long-enough-pass-1", "STAFF").status());
        assertEquals(400, admin.post(BASE, "{\"username\": ").status(), "unreadable JSON");
        assertEquals(400, admin.post(BASE, Map.of("username", "unitless", "password", "long-enough-pass-1",
                "unit", "nowhere")).status());
        assertTrue(accounts.find("unitless").isEmpty());
    }

    @Test
    void anAccountAnAdminCreatesWorksAtOnce() {
        assertEquals(200, create(admin(), "fresh-clerk", "fresh-clerk-pass-1", "STAFF").status());
        ConsoleClient clerk = new ConsoleClient(port);
        assertTrue(clerk.login("fresh-clerk", "fresh-clerk-pass-1"));
        assertEquals(200, clerk.get("/staff/api/queue").status(), "no forced password change");
    }

    @Test
    void disablingEndsTheOpenSessionAndEnablingAllowsLoginAgain() {
        ConsoleClient admin = admin();
        create(admin, "clerk-d", "clerk-d-password", "STAFF");
        ConsoleClient clerk = new ConsoleClient(port);
        assertTrue(clerk.login("clerk-d", "clerk-d-password"));
        assertEquals(200, clerk.get("/staff/api/me").status());

        assertEquals(200, admin.post(BASE + "/clerk-d/disable", Map.of()).status());
        assertEquals(401, clerk.get("/staff/api/me").status(), "the open session is refused");
        assertFalse(new ConsoleClient(port).login("clerk-d", "clerk-d-password"), "a disabled account cannot log in");

        assertEquals(200, admin.post(BASE + "/clerk-d/enable", Map.of()).status());
        ConsoleClient again = new ConsoleClient(port);
        assertTrue(again.login("clerk-d", "clerk-d-password"));
        assertEquals(200, admin.post(BASE + "/clerk-d/roles", Map.of("roles", List.of("SUPERVISOR"))).status());
        assertEquals(401, again.get("/staff/api/me").status(), "a role edit ends the session");
        ConsoleClient third = new ConsoleClient(port);
        assertTrue(third.login("clerk-d", "clerk-d-password"));
        assertEquals(200, admin.post(BASE + "/clerk-d/unit", Map.of("unit", "ndrc")).status());
        assertEquals(401, third.get("/staff/api/me").status(), "a unit edit ends the session");
        assertEquals("ndrc", accounts.find("clerk-d").orElseThrow().unit());

        JsonNode audit = admin.get("/staff/api/audit").json();
        List<String> actions = StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("whom").asText().equals("clerk-d")).map(e -> e.get("action").asText()).toList();
        assertEquals(List.of("unit", "roles", "enable", "disable", "create"), actions, "newest first");
        assertTrue(audit.toString().contains("\"who\":\"admin\""));
        assertFalse(audit.toString().contains("clerk-d-password"), "no password in the audit stream");
    }

    @Test
    void onlyAdminsReadTheAuditOrChangeAccounts() {
        ConsoleClient admin = admin();
        create(admin, "plain-staff", "plain-staff-pass", "STAFF");
        ConsoleClient staff = new ConsoleClient(port);
        assertTrue(staff.login("plain-staff", "plain-staff-pass"));
        assertEquals(403, staff.get("/staff/api/audit").status());
        assertEquals(403, staff.post(BASE + "/admin/disable", Map.of()).status());
        assertTrue(accounts.status("admin").map(s -> !s.disabled()).orElse(false));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        ConsoleClient admin = admin();
        ConsoleClient.Answer a = admin.post(BASE + "/admin/disable", Map.of());
        assertEquals(409, a.status());
        assertEquals("account.last-admin", a.json().get("error").asText());
        assertEquals(409, admin.post(BASE + "/admin/roles", Map.of("roles", List.of("SUPERVISOR"))).status());
        assertTrue(accounts.find("admin").orElseThrow().has(StaffRole.ADMIN));
        assertEquals(200, admin.get("/staff/api/me").status(), "a refused change ends no session");

        create(admin, "second-admin", "second-admin-pass", "ADMIN");
        assertEquals(200, admin.post(BASE + "/second-admin/disable", Map.of()).status());
        assertEquals(409, admin.post(BASE + "/admin/disable", Map.of()).status(), "second-admin is disabled");
        assertEquals(200, admin.post(BASE + "/second-admin/enable", Map.of()).status());
        accounts.update("second-admin", null, null, true);
    }

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
        ConsoleClient admin = admin();
        create(admin, "race-admin", "race-admin-pass", "ADMIN");
        ConsoleClient other = new ConsoleClient(port);
        assertTrue(other.login("race-admin", "race-admin-pass"));
        JsonNode adminCsrf = admin.get("/staff/api/me").json().get("csrf");
        JsonNode otherCsrf = other.get("/staff/api/me").json().get("csrf");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> admin.postWith(BASE + "/race-admin/disable", Map.of(),
                    adminCsrf.get("header").asText(), adminCsrf.get("token").asText()).status());
            var b = pool.submit(() -> other.postWith(BASE + "/admin/disable", Map.of(),
                    otherCsrf.get("header").asText(), otherCsrf.get("token").asText()).status());
            List<Integer> statuses = List.of(a.get(), b.get());
            assertTrue(statuses.contains(409) || statuses.contains(401) || statuses.contains(403), "" + statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, List.of("admin", "race-admin").stream()
                .filter(x -> !accounts.status(x).orElseThrow().disabled()).count(), "one of the two stays enabled");
        accounts.update("admin", null, null, false);
        accounts.update("race-admin", null, null, true);
    }

    @Test
    void aTelegramUserIsLinkedToOneAccountAtMost() {
        ConsoleClient admin = admin();
        create(admin, "tg-one", "tg-one-password", "STAFF");
        create(admin, "tg-two", "tg-two-password", "STAFF");
        assertEquals(200, admin.post(BASE + "/tg-one/telegram", Map.of("telegramId", "6006")).status());
        ConsoleClient.Answer taken = admin.post(BASE + "/tg-two/telegram", Map.of("telegramId", "6006"));
        assertEquals(409, taken.status());
        assertEquals("account.telegram.taken", taken.json().get("error").asText());
        assertEquals(null, accounts.find("tg-two").orElseThrow().telegramId());
        assertEquals(400, admin.post(BASE + "/tg-two/telegram", Map.of("telegramId", "12ab")).status());
        assertEquals(404, admin.post(BASE + "/nobody-here/telegram", Map.of("telegramId", "7")).status());

        assertEquals(200, admin.post(BASE + "/tg-one/unlink", Map.of()).status());
        assertEquals(200, admin.post(BASE + "/tg-two/telegram", Map.of("telegramId", "6006")).status());
        assertEquals("tg-two", accounts.byTelegram("6006").orElseThrow().username());
        admin.post(BASE + "/tg-two/disable", Map.of());
        assertTrue(accounts.byTelegram("6006").isEmpty(), "a disabled account acts no more in Telegram");
    }

    @Test
    void changingTheOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        create(admin(), "self-service", "self-service-pass", "STAFF");
        ConsoleClient here = new ConsoleClient(port);
        ConsoleClient elsewhere = new ConsoleClient(port);
        assertTrue(here.login("self-service", "self-service-pass"));
        assertTrue(elsewhere.login("self-service", "self-service-pass"));
        ConsoleClient.Answer wrong = here.post("/staff/api/me/password", Map.of("current", "not-the-password",
                "password", "a-brand-new-secret"));
        assertEquals(400, wrong.status());
        assertEquals("account.password.wrong-current", wrong.json().get("error").asText());
        assertEquals(400, here.post("/staff/api/me/password", Map.of("current", "self-service-pass",
                "password", "zzzzzzzzzzzz")).status());
        assertEquals(200, elsewhere.get("/staff/api/me").status(), "refusals end no session");

        assertEquals(200, here.post("/staff/api/me/password", Map.of("current", "self-service-pass",
                "password", "a-brand-new-secret")).status());
        assertEquals(200, here.get("/staff/api/me").status(), "this session continues");
        assertEquals(401, elsewhere.get("/staff/api/me").status(), "the other one ended");
        assertTrue(new ConsoleClient(port).login("self-service", "a-brand-new-secret"));
    }

    @Test
    void theCsrfTokenLivesInTheSessionNotInACookie() {
        ConsoleClient admin = admin();
        JsonNode me = admin.get("/staff/api/me").json();
        assertEquals("admin", me.get("username").asText());
        assertFalse(me.get("csrf").get("token").asText().isBlank());
        assertEquals(403, admin.postWith(BASE, Map.of("username", "forged", "password", "forged-password-1"),
                null, null).status());
        assertEquals(403, admin.postWith(BASE, Map.of("username", "forged", "password", "forged-password-1"),
                "X-CSRF-TOKEN", "attacker-known-token").status());
        assertTrue(accounts.find("forged").isEmpty());
        assertTrue(admin.cookies().getCookieStore().getCookies().stream()
                .noneMatch(c -> c.getName().toUpperCase().contains("XSRF")), "no token cookie");
    }

    @Test
    void anOversizedUsernameNeverBecomesARedisKey() {
        String huge = "u".repeat(100_000);
        assertFalse(new ConsoleClient(port).login(huge, "whatever-password"));
        assertFalse(new ConsoleClient(port).login("bad name\r\nFAKE", "whatever-password"));
        long longest = keys(redis.key("*")).stream().mapToInt(String::length).max().orElse(0);
        assertTrue(longest < 200, "longest key " + longest);
        assertNotEquals(0, keys(redis.key("staff:account:*")).size());
    }

    private List<String> keys(String pattern) {
        List<String> found = new java.util.ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().match(pattern).count(1000));
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }
}
