package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 并单 in a real headless Chromium, with screenshots: on the case page (the candidates, a merge and an unmerge) and
 * in the supervisor's list (a pair merged and one dismissed from it, on a phone and in English, and nothing of it
 * for unit staff).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=correct-horse-battery", "teahouse.cases.poll-interval=1h"})
class MergeBrowserIT {

    /** Generous: the machine running the browser tests is often loaded. */
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "merge-browser-it");
    }

    @LocalServerPort
    int port;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    AccountStore accounts;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void mergeAndUnmergeOnTheCasePage() throws Exception {
        List<String> g = MergeApiIT.invoiceGroup(desk, "诸城市");
        String a = g.get(0);
        String b = g.get(1);
        WebDriver driver = HeadlessChromium.start(1366, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            driver.get("http://localhost:" + port + "/staff/case/" + b);
            wait.until(d -> d.getCurrentUrl().contains("/staff/login"));
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys("correct-horse-battery");
            driver.findElement(By.id("login")).click();
            driver.get("http://localhost:" + port + "/staff/case/" + b);
            wait.until(d -> !d.findElements(By.cssSelector("#similar-list li[data-tracking='" + a + "']")).isEmpty());
            assertThat(driver.findElement(By.id("similar")).getText()).contains(a, "同一企业");
            shot(driver, "merge-candidates");

            driver.findElement(By.id("merge-into-" + a)).click();
            driver.switchTo().alert().accept();
            wait.until(d -> !d.findElements(By.id("merged-into")).isEmpty());
            assertThat(work.get(b).orElseThrow().state()).isEqualTo(CaseState.MERGED);
            assertThat(driver.findElement(By.id("merged-into")).getText()).contains(a);
            shot(driver, "merge-merged");

            driver.findElement(By.id("unmerge")).click();
            driver.switchTo().alert().accept();
            wait.until(d -> d.findElements(By.id("merged-into")).isEmpty()
                    && !d.findElements(By.cssSelector("#similar-list li[data-tracking='" + a + "']")).isEmpty());
            assertThat(work.get(b).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
            shot(driver, "merge-unmerged");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aSupervisorMergesAndDismissesFromTheList() throws Exception {
        accounts.create(new Account("p-sup", passwords.encode(PASSWORD), Set.of(StaffRole.SUPERVISOR), null, "孙督办",
                null, null));
        accounts.create(new Account("p-staff", passwords.encode(PASSWORD), Set.of(StaffRole.STAFF), "iit", "周专员",
                null, null));
        List<String> g = MergeApiIT.invoiceGroup(desk, "高密市");
        String merged = pair(g.get(0), g.get(1));
        String dismissed = pair(g.get(0), g.get(2));
        String a = merged.split("\\|")[0];
        String b = merged.split("\\|")[1];

        // on a phone, in English: the list is readable without scrolling sideways
        WebDriver phone = HeadlessChromium.start(390, 844);
        try {
            login(phone, "p-sup");
            phone.manage().addCookie(new Cookie(CaseRows.LANGUAGE_COOKIE, "en"));
            phone.get(base() + "/staff/similar");
            String row = "tr[data-pair='" + merged + "']";
            await().atMost(WAIT).until(() -> !phone.findElements(By.cssSelector(row)).isEmpty()
                    && phone.findElement(By.cssSelector(row)).getText().contains("same company"));
            assertThat(phone.findElement(By.cssSelector(row + " button.merge")).getText()).isEqualTo("Merge B into A");
            long viewport = (Long) ((JavascriptExecutor) phone).executeScript("return window.innerWidth;");
            long width = (Long) ((JavascriptExecutor) phone).executeScript(
                    "return document.documentElement.scrollWidth;");
            assertThat(width).as("no horizontal scrolling at " + viewport + " px").isLessThanOrEqualTo(viewport);
            shot(phone, "pairs-phone-en");
        } finally {
            phone.quit();
        }

        WebDriver driver = HeadlessChromium.start(1366, 900);
        try {
            // the supervisor finds the list in the navigation; the pair links both cases, with score and reasons
            login(driver, "p-sup");
            await().atMost(WAIT).until(() -> driver.findElement(By.id("nav-similar")).isDisplayed());
            driver.findElement(By.id("nav-similar")).click();
            String row = "tr[data-pair='" + merged + "']";
            await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(row)).isEmpty()
                    && !driver.findElements(By.cssSelector("tr[data-pair='" + dismissed + "']")).isEmpty());
            assertThat(driver.findElement(By.cssSelector(row)).getText()).contains(a, b, "同一企业", "%", "分钟");
            assertThat(driver.findElement(By.cssSelector(row + " a[href='/staff/case/" + b + "']"))).isNotNull();
            shot(driver, "pairs-list");

            // B into A, once confirmed: declining the question changes nothing
            driver.findElement(By.cssSelector(row + " button.merge")).click();
            assertThat(driver.switchTo().alert().getText()).contains(a, b);
            driver.switchTo().alert().dismiss();
            assertThat(work.get(b).orElseThrow().state()).isNotEqualTo(CaseState.MERGED);
            driver.findElement(By.cssSelector(row + " button.merge")).click();
            driver.switchTo().alert().accept();
            await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(row)).isEmpty());
            assertThat(work.get(b).orElseThrow().state()).isEqualTo(CaseState.MERGED);
            assertThat(work.history(b)).anyMatch(e -> e.type().equals("merge") && "web:p-sup".equals(e.who()));
            assertThat(driver.findElement(By.id("pairs-result")).getText()).contains(a, b, "并入");
            shot(driver, "pairs-merged");

            // not the same problem: the pair leaves the list, logged with who said so
            String other = "tr[data-pair='" + dismissed + "']";
            driver.findElement(By.cssSelector(other + " button.dismiss")).click();
            driver.switchTo().alert().accept();
            await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(other)).isEmpty());
            String later = dismissed.split("\\|")[1];
            assertThat(work.history(later)).anyMatch(e -> "web:p-sup".equals(e.who()) && e.type().contains("dismiss"));

            // unit staff: no 并单 item in the navigation, and the list's API refuses them
            driver.manage().deleteAllCookies();
            login(driver, "p-staff");
            await().atMost(WAIT).until(() -> driver.findElement(By.id("nav-queue")).isDisplayed());
            assertThat(driver.findElement(By.id("nav-similar")).isDisplayed()).isFalse();
            driver.manage().timeouts().scriptTimeout(WAIT);
            Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[0];"
                    + " fetch('/staff/api/similar', {credentials: 'same-origin'}).then((r) => done(r.status));");
            assertThat(status).isEqualTo(403L);
            driver.get(base() + "/staff/similar");
            await().atMost(WAIT).until(() -> !driver.findElement(By.id("pairs-result")).getText().isEmpty());
            assertThat(driver.findElements(By.cssSelector("#pairs tbody tr"))).isEmpty();
        } finally {
            driver.quit();
        }
    }

    private static String pair(String x, String y) {
        return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void login(WebDriver driver, String username) {
        driver.get(base() + "/staff/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login")).click();
        await().atMost(WAIT).until(() -> !driver.getCurrentUrl().contains("/staff/login"));
    }

    static void shot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
