package com.teahouse.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard in a real headless Chromium: the charts render, a table sorts, a phone needs no sideways scroll. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=correct-horse-battery", "teahouse.cases.poll-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBrowserIT {

    static final String[] CHARTS = {"c-weeks", "c-ontime", "c-satisfaction", "c-backlog"};

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("reports-browser-it").toString();
        registry.add("teahouse.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;

    /** Three payment cases (one claimed and answered), one fees case: the categories table has 3 and 1. */
    @BeforeAll
    void cases() {
        List<String> numbers = List.of(open("payment"), open("payment"), open("payment"), open("fees"));
        Actor clerk = new Actor("web:clerk", "Clerk");
        work.claim(numbers.get(0), clerk, null);
        work.resolve(numbers.get(0), clerk, "已处理", null);
    }

    private String open(String category) {
        return desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("web", "w-" + UUID.randomUUID()),
                "zh", CaseRequest.Kind.COMPLAINT, category, "问题", List.of(), "奎文区", "某公司", null, "张三",
                "13800000000", false, List.of())).trackingNumber();
    }

    private WebDriverWait open(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/staff/reports");
        wait.until(d -> d.getCurrentUrl().contains("/staff/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("correct-horse-battery");
        driver.findElement(By.id("login")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/staff"));
        driver.get("http://localhost:" + port + "/staff/reports");
        wait.until(d -> "yes".equals(js(d, "return document.body.dataset.loaded || null;")));
        return wait;
    }

    @Test
    void chartsRenderAndTablesSort() {
        WebDriver driver = HeadlessChromium.start(1280, 900);
        try {
            open(driver);
            for (String id : CHARTS) {
                assertEquals(Boolean.TRUE, js(driver, "var c = document.getElementById(arguments[0]);"
                        + " return !!c && c.tagName === 'CANVAS' && !!Chart.getChart(c) && c.width > 0;", id), id);
            }
            assertEquals("4", driver.findElement(By.cssSelector("#headline a[data-measure=opened] .n")).getText());
            By firstOpened = By.cssSelector("#t-categories tbody tr:first-child td:nth-child(2)");
            By opened = By.cssSelector("#t-categories th[data-key=opened]");
            driver.findElement(opened).click();
            assertEquals("1", driver.findElement(firstOpened).getText(), "ascending");
            driver.findElement(opened).click();
            assertEquals("3", driver.findElement(firstOpened).getText(), "descending");
            driver.findElement(By.cssSelector("#headline a[data-measure=opened]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("#cases li a")).size() == 4);
        } finally {
            driver.quit();
        }
    }

    @Test
    void readsOnAPhone() {
        WebDriver driver = HeadlessChromium.phone();
        try {
            open(driver);
            assertEquals(Boolean.TRUE, js(driver,
                    "return document.documentElement.scrollWidth <= window.innerWidth;"), "no sideways scroll");
            for (String id : CHARTS) {
                Object fits = js(driver, "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return r.width > 100 && r.right <= window.innerWidth;", id);
                assertEquals(Boolean.TRUE, fits, id);
            }
            Object oneColumn = js(driver, "var a = document.getElementById('c-weeks').getBoundingClientRect(),"
                    + " b = document.getElementById('c-ontime').getBoundingClientRect(); return b.top >= a.bottom;");
            assertTrue(Boolean.TRUE.equals(oneColumn), "charts stack in one column");
        } finally {
            driver.quit();
        }
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }
}
