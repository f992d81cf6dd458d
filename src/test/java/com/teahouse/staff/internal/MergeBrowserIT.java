package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 并单 on the case page in a real headless Chromium: the candidates, a merge and an unmerge, with screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=correct-horse-battery", "teahouse.cases.poll-interval=1h"})
class MergeBrowserIT {

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

    @Test
    void mergeAndUnmergeOnTheCasePage() throws Exception {
        List<String> g = MergeApiIT.invoiceGroup(desk, "诸城市");
        String a = g.get(0);
        String b = g.get(1);
        WebDriver driver = HeadlessChromium.start(1366, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
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

    static void shot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
