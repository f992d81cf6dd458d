package com.teahouse.staff.internal;

import com.teahouse.cases.ConversationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff console in a real headless Chromium: log in, see the queue, claim, reply, resolve; XSS stays text. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=correct-horse-battery", "teahouse.cases.poll-interval=1h"})
class ConsoleBrowserIT {

    static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>拖欠";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("console-it").toString();
        registry.add("teahouse.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;

    @Test
    void logInClaimReplyResolve() {
        Address owner = Address.of("web", "w-" + UUID.randomUUID());
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), owner, "zh", CaseRequest.Kind.COMPLAINT,
                "payment", XSS, List.of(), "奎文区", "某公司", null, "张三", "13800000000", false, List.of(
                        ConversationLine.user("<b>hi</b>", null)))).trackingNumber();
        WebDriver driver = HeadlessChromium.start(1280, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get("http://localhost:" + port + "/staff");
            wait.until(d -> d.getCurrentUrl().contains("/staff/login"));
            login(driver, "admin", "correct-horse-battery");
            wait.until(d -> !d.findElements(By.cssSelector("tr[data-case='" + t + "']")).isEmpty());
            String row = driver.findElement(By.cssSelector("tr[data-case='" + t + "']")).getText();
            assertTrue(row.contains("拖欠账款") && row.contains("待接单"), row);
            wait.until(d -> d.findElement(By.cssSelector("tr[data-case='" + t + "'] .countdown")).getText()
                    .contains("小时"));

            driver.findElement(By.linkText(t)).click();
            wait.until(d -> t.equals(d.findElement(By.id("number")).getText()));
            wait.until(d -> XSS.equals(textContent(d, "field-description")));
            assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss;"), "no script ran");
            assertTrue(driver.findElements(By.cssSelector("#fields img")).isEmpty(), "no element was injected");
            assertEquals("<b>hi</b>", driver.findElement(By.cssSelector("#conversation li.from-user p")).getText());

            driver.findElement(By.id("claim")).click();
            wait.until(d -> "办理中".equals(d.findElement(By.id("state")).getText()));
            assertEquals(CaseState.CLAIMED, work.get(t).orElseThrow().state());

            int before = driver.findElements(By.cssSelector("#history li")).size();
            work.note(t, new Actor("tg:5", "同事"), "live update", null);
            wait.until(d -> d.findElements(By.cssSelector("#history li")).size() > before);

            driver.findElement(By.id("reply")).sendKeys("款项已支付，请查收");
            driver.findElement(By.id("resolve")).click();
            wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
            driver.findElement(By.id("confirm-yes")).click();
            wait.until(d -> "待评价".equals(d.findElement(By.id("state")).getText()));
            assertEquals("款项已支付，请查收", work.get(t).orElseThrow().resolution());
            assertTrue(driver.findElement(By.id("history")).getText().contains("办结答复"));
        } finally {
            driver.quit();
        }
    }

    private static void login(WebDriver driver, String user, String password) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    private static String textContent(WebDriver d, String id) {
        return (String) ((JavascriptExecutor) d).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
    }
}
