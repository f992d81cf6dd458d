package com.teahouse.staff.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.testsupport.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real headless Chromium: the first admin logs in with the generated password, must set its own before the
 * console opens, creates a staff account on the accounts page and disables it, and the staff user's open session
 * (a second client) is refused from then on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "teahouse.cases.poll-interval=1h")
class AccountsBrowserIT {

    static Path dir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("accounts-browser-it");
        registry.add("teahouse.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountStore accounts;

    @Test
    void generatedPasswordIsChangedFirstThenAnAdminDisablesAStaffUser() throws Exception {
        Path file = dir.resolve("first-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String generated = Files.readString(file, StandardCharsets.UTF_8).strip();
        WebDriver driver = HeadlessChromium.start(1280, 900);
        try {
            // The accounts table is re-rendered after each change: a row read while it is replaced is read again.
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            String base = "http://localhost:" + port;
            driver.get(base + "/staff");
            wait.until(d -> d.getCurrentUrl().contains("/staff/login"));
            type(driver, "username", "admin");
            type(driver, "password", generated);
            driver.findElement(By.id("login")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/staff/account"));
            driver.get(base + "/staff");
            wait.until(d -> d.getCurrentUrl().endsWith("/staff/account"));

            type(driver, "current", generated);
            type(driver, "new-password", "my-own-admin-secret");
            type(driver, "repeat", "my-own-admin-secret");
            driver.findElement(By.id("change")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("result")).getDomAttribute("data-done")));
            assertFalse(Files.exists(file), "the one-time password file is gone");

            driver.get(base + "/staff");
            wait.until(d -> d.findElement(By.id("queue")).isDisplayed());
            assertTrue(driver.getCurrentUrl().endsWith("/staff"), driver.getCurrentUrl());
            wait.until(d -> d.findElement(By.id("accounts-link")).isDisplayed());

            driver.findElement(By.id("accounts-link")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/staff/accounts"));
            wait.until(d -> !d.findElements(By.cssSelector("tr[data-account='admin']")).isEmpty());
            type(driver, "new-username", "desk-clerk");
            type(driver, "new-name", "<b>窗口</b>");
            type(driver, "new-account-password", "desk-clerk-password");
            driver.findElement(By.cssSelector("input[name='new-role'][value='STAFF']")).click();
            driver.findElement(By.id("create")).click();
            wait.until(d -> !d.findElements(By.cssSelector("tr[data-account='desk-clerk']")).isEmpty());
            assertTrue(driver.findElements(By.cssSelector("#accounts b")).isEmpty(), "names stay text");

            ConsoleClient clerk = new ConsoleClient(port);
            assertTrue(clerk.login("desk-clerk", "desk-clerk-password"), "works at once, no forced change");
            // a STAFF account without a unit has no case rights (CasePolicy), but it is signed in and working
            assertEquals(200, clerk.get("/staff/api/me").status());

            driver.findElement(By.xpath("//tr[@data-account='desk-clerk']//button[text()='停用']")).click();
            wait.until(d -> d.findElement(By.cssSelector("tr[data-account='desk-clerk']")).getText().contains("已停用"));
            await().atMost(Duration.ofSeconds(10)).until(() -> clerk.get("/staff/api/queue").status() == 401);
            assertFalse(new ConsoleClient(port).login("desk-clerk", "desk-clerk-password"));
            assertTrue(accounts.status("desk-clerk").orElseThrow().disabled());
            wait.until(d -> d.findElement(By.id("audit")).getText().contains("disable"));
        } finally {
            driver.quit();
        }
    }

    private static void type(WebDriver driver, String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }
}
