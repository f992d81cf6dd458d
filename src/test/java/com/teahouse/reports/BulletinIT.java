package com.teahouse.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.RecordedCall;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.HeadlessChromium;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The weekly bulletin (定期通报) end to end: two instances on one Redis and the real telegrambots client against the
 * fake Bot API, on one movable clock. At Monday 09:00 the bulletin of the week before is posted to the staff
 * group's General topic once (sendMessage with the headline + sendDocument with the XLSX), and a restarted
 * instance does not post it again. (Started on a Tuesday, the instances also catch up on the week before that,
 * which a fresh install does; only last week's posts are counted here.) Then its XLSX (opened with POI), its printable page (headless Chromium,
 * printed to PDF) and "publish now" (supervisors only, CSRF).
 */
class BulletinIT {

    static final long GROUP = -1001234567321L;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String LAST_WEEK = "from=2026-11-23&to=2026-11-29";

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void postedOnceByTwoInstancesAndNotAgainAfterARestart() throws Exception {
        MutableClock clock = new MutableClock(at("2026-11-24T10:00"));
        try (FakeBotApiServer telegram = new FakeBotApiServer().start();
                EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("bulletin-redis"))) {
            FakeUser li = FakeUser.human(11, "李工", "zh");
            FakeChat group = telegram.forumGroup(GROUP, "热线工作群", li);
            Map<String, String> p = new HashMap<>(Map.of("teahouse.telegram.token", telegram.token(),
                    "teahouse.telegram.api-url", telegram.baseUrl(), "teahouse.telegram.poll-timeout-seconds", "1",
                    "teahouse.telegram.staff-chat-id", String.valueOf(group.id()),
                    "teahouse.reports.bulletin.check-every", "200ms", "teahouse.reports.bulletin.enabled", "true",
                    "teahouse.admin.password", ReportFixture.ADMIN_PASSWORD));
            ConfigurableApplicationContext a = TestApps.start(Files.createTempDirectory("a"), redis.url(), clock, p);
            ConfigurableApplicationContext b = TestApps.start(Files.createTempDirectory("b"), redis.url(), clock, p);
            ReportFixture f = new ReportFixture(a, clock);
            String late = f.open("payment", false, "公司", "某人", "13900000011");
            String done = f.open("tax", false, "公司", "某人", "13900000012");
            f.later(Duration.ofMinutes(20));
            f.claimResolve(done);
            f.desk.rate(done, f.owner(done), com.teahouse.cases.CaseDesk.Rating.SATISFIED, null);

            clock.set(at("2026-11-30T08:59"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> posts(telegram) == 0);
            clock.set(at("2026-11-30T09:00:30"));
            await().atMost(Duration.ofSeconds(60)).until(() -> documents(telegram).size() == 1);
            // both instances keep looking every 200 ms: none posts it again
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> documents(telegram).size() == 1 && posts(telegram) == 1);
            RecordedCall message = bulletinMessages(telegram).get(0);
            assertThat(message.params().has("message_thread_id")).as("the General topic").isFalse();
            String text = message.params().path("text").asText();
            assertThat(text).contains("定期通报（11月23日至11月29日）", "受理 2 件", "逾期 1 件",
                    "市工业和信息化局（清欠办） 1 件");
            RecordedCall document = documents(telegram).get(0);
            assertThat(document.params().path("document").path("size").asInt()).isGreaterThan(1000);
            assertThat(document.at()).isAfterOrEqualTo(message.at());

            b.close();
            a.close();
            clock.advance(Duration.ofMinutes(5));
            ConfigurableApplicationContext c = TestApps.start(Files.createTempDirectory("c"), redis.url(), clock, p);
            try {
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                        .until(() -> documents(telegram).size() == 1 && posts(telegram) == 1);
                checkExports(new ReportFixture(c, clock), late);
                await().atMost(Duration.ofSeconds(60)).until(() -> documents(telegram).size() == 2);
            } finally {
                c.close();
            }
            assertThat(telegram.rejectedCalls()).as("calls the fake Bot API refused").isEmpty();
        }
    }

    /** The XLSX, the printable page, and "publish now" (which does post again, on purpose). */
    static void checkExports(ReportFixture f, String late) throws Exception {
        f.account("clerk-iit", Set.of("STAFF"), "iit");
        f.account("chief", Set.of("SUPERVISOR"), null);
        ReportClient clerk = f.as("clerk-iit");
        var xlsx = clerk.get("/staff/api/reports/bulletin.xlsx?" + LAST_WEEK);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            List<List<String>> headline = ReportFixture.rows(book.getSheet("主要指标"));
            assertThat(headline.get(1).get(0)).contains("受理 2 件", "逾期 1 件");
            assertThat(headline).contains(List.of("受理", "2"));
            List<List<String>> ranking = ReportFixture.rows(book.getSheet("单位排名"));
            assertThat(ranking.get(0)).startsWith("名次", "承办单位");
            assertThat(ranking.stream().map(r -> r.get(1))).contains("市工业和信息化局（清欠办）", "市税务局");
            List<List<String>> cases = ReportFixture.rows(book.getSheet("逾期与督办"));
            assertThat(cases).hasSize(2);
            assertThat(cases.get(1)).startsWith(late, "市工业和信息化局（清欠办）");
        }
        assertThat(clerk.get("/staff/api/reports/bulletin.xlsx?from=2026-11-30&to=2026-11-01").json()
                .get("error").asText()).isEqualTo("reports.period.order");
        assertThat(clerk.post("/staff/api/reports/publish?" + LAST_WEEK, Map.of(), true).status()).isEqualTo(403);
        ReportClient chief = f.as("chief");
        assertThat(chief.post("/staff/api/reports/publish?" + LAST_WEEK, Map.of(), false).status())
                .as("without the CSRF token").isEqualTo(403);
        printablePage(f.port(), late);
        assertThat(chief.post("/staff/api/reports/publish?" + LAST_WEEK, Map.of(), true).status()).isEqualTo(200);
    }

    static void printablePage(int port, String late) {
        WebDriver driver = HeadlessChromium.start(1280, 900);
        try {
            driver.get("http://127.0.0.1:" + port + "/staff/login");
            driver.findElement(By.id("username")).sendKeys("chief");
            driver.findElement(By.id("password")).sendKeys(ReportFixture.PASSWORD);
            driver.findElement(By.id("login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("login"));
            driver.get("http://127.0.0.1:" + port + "/staff/reports/bulletin?" + LAST_WEEK);
            // the browser asks for English: the same figures from the en template
            assertThat(driver.findElement(By.id("headline")).getText()).contains("2 cases received",
                    "1 overdue (Bureau of Industry and IT (payment arrears office) 1)");
            assertThat(driver.findElement(By.id("cases")).getText()).contains(late);
            assertThat(driver.findElements(By.tagName("script"))).isEmpty();
            assertThat(driver.findElement(By.id("ranking")).getCssValue("border-collapse"))
                    .as("bulletin.css applied under the CSP").isEqualTo("collapse");
            ChromeDriver chrome = (ChromeDriver) driver;
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(driver.findElement(By.id("download")).isDisplayed()).as("hidden on paper").isFalse();
            String pdf = chrome.print(new PrintOptions()).getContent();
            assertThat(pdf).as("printed to PDF").isNotEmpty();
        } finally {
            driver.quit();
        }
    }

    static List<RecordedCall> bulletinMessages(FakeBotApiServer telegram) {
        return telegram.calls("sendMessage").stream().filter(RecordedCall::accepted)
                .filter(c -> c.params().path("chat_id").asText().equals(String.valueOf(GROUP)))
                .filter(c -> c.params().path("text").asText().contains("定期通报（11月23日至11月29日）")).toList();
    }

    static int posts(FakeBotApiServer telegram) {
        return bulletinMessages(telegram).size();
    }

    static List<RecordedCall> documents(FakeBotApiServer telegram) {
        return telegram.calls("sendDocument").stream().filter(RecordedCall::accepted)
                .filter(c -> c.params().path("chat_id").asText().equals(String.valueOf(GROUP)))
                .filter(c -> c.params().path("document").toString().contains("2026-11-23-2026-11-29")).toList();
    }
}
