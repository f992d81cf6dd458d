package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.dialog.kit.TelegramDriver;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.HeadlessChromium;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as staff live in it, in a real headless Chromium against the whole hotline: a real complaint
 * through the dialog (fake Telegram, with a photo), then search, the case page with the whole conversation, a
 * canned reply kept by a supervisor and used in a relay that reaches the entrepreneur, the phone layout and the
 * English switch. Screenshots are kept under target/screenshots/.
 */
class ConsoleWorkspaceBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;

    @Test
    void aComplaintFromTheChatToARelayedCannedReply() throws Exception {
        FakeUser sup = FakeUser.human(5801, "孙督办", "zh");
        FakeUser owner = FakeUser.human(5802, "李老板", "zh");
        try (ForumHotline hotline = ForumHotline.start(data, -1001234567002L, sup)) {
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat group = hotline.group();
            TestHotline app = hotline.app();
            ConfidentialityIT.account(app, "w-sup", Set.of(StaffRole.SUPERVISOR), null, sup);
            TelegramDriver chat = new TelegramDriver(telegram, app, group, owner);
            new ScriptRunner(chat).run(script());
            CaseWork work = app.bean(CaseWork.class);
            String t = ConfidentialityIT.newest(null, work, false);

            // the photo comes through the server, for those who may see the case only
            ConfidentialityIT.account(app, "w-ndrc", Set.of(StaffRole.STAFF), "ndrc", FakeUser.human(5803,
                    "周专员", "zh"));
            String file = "/staff/api/cases/" + t + "/attachments/0";
            var supConsole = ConfidentialityIT.Console.login(app, "w-sup");
            var got = supConsole.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    app.baseUrl() + file)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(com.teahouse.channel.telegram.fake.FakeBotApiServer.FILE_BYTES);
            assertThat(got.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            var otherUnit = ConfidentialityIT.Console.login(app, "w-ndrc");
            assertThat(otherUnit.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    app.baseUrl() + file)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(404);
            assertThat(supConsole.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    app.baseUrl() + "/staff/api/cases/" + t + "/attachments/7")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(app.baseUrl() + file)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(String.join("\n", telegram.calls().stream().map(c -> String.valueOf(c.params()))
                    .toList())).doesNotContain("/file/bot");

            WebDriver driver = HeadlessChromium.start(1366, 900);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                driver.get(app.baseUrl() + "/staff/login");
                driver.findElement(By.id("username")).sendKeys("w-sup");
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.id("login")).click();
                wait.until(d -> !d.findElements(By.cssSelector("tr[data-case='" + t + "']")).isEmpty());
                wait.until(d -> d.findElement(By.id("count-new")).isDisplayed());
                assertThat(driver.findElement(By.id("nav-reports")).isDisplayed()).isTrue();
                assertThat(driver.findElement(By.id("nav-policy")).isDisplayed()).isFalse();
                assertThat(driver.findElement(By.id("accounts-link")).isDisplayed()).isFalse();
                shot(driver, "queue-1366");

                // search by words of the description
                driver.findElement(By.id("search-q")).sendKeys("尾款");
                driver.findElement(By.id("search-go")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#results tr[data-case='" + t + "']")).isEmpty());
                shot(driver, "search");

                // the case page: both sides of the conversation, the pressed button by its label, the photo
                driver.findElement(By.linkText(t)).click();
                wait.until(d -> d.findElements(By.cssSelector("#conversation li.from-bot")).size() > 3);
                String conversation = driver.findElement(By.id("conversation")).getText();
                assertThat(conversation).contains("[拖欠账款、保证金不退]", "尾款 120 万元未付", "第 2 步")
                        .doesNotContain("complaint.category=", "测试科技有限公司Z9", "13900009999");
                assertThat(driver.findElements(By.cssSelector("#conversation img.thumb"))).hasSize(1);
                // the thumbnail is the fake's 1×1 PNG, fetched through the console
                wait.until(d -> Long.valueOf(1L).equals(((JavascriptExecutor) d).executeScript(
                        "var i = document.querySelector('#conversation img.thumb'); i.scrollIntoView();"
                                + " return i.complete ? i.naturalWidth : 0;")));
                wait.until(d -> d.findElement(By.cssSelector("#reply-due .left")).getText().contains("小时"));
                shot(driver, "case-conversation");

                // a supervisor keeps a canned reply for the category; it fills the reply box and is relayed
                driver.findElement(By.cssSelector("#canned-manage summary")).click();
                driver.findElement(By.id("canned-title")).sendKeys("已转财政");
                driver.findElement(By.id("canned-text")).sendKeys("您反映的欠款问题已转市财政局协调，请耐心等待。");
                driver.findElement(By.cssSelector("#canned-form button")).click();
                wait.until(d -> d.findElements(By.cssSelector("#canned-pick option")).size() == 2);
                driver.findElement(By.id("claim")).click();
                wait.until(d -> d.findElement(By.id("message")).isDisplayed());
                new Select(driver.findElement(By.id("canned-pick"))).selectByVisibleText("已转财政");
                assertThat(driver.findElement(By.id("reply")).getAttribute("value")).startsWith("您反映的欠款问题");
                driver.findElement(By.id("message")).click();
                wait.until(d -> d.findElement(By.id("conversation")).getText().contains("已转市财政局协调"));
                shot(driver, "canned-reply-relayed");
                assertThat(work.history(t)).anyMatch(h -> "message".equals(h.type())
                        && h.note().startsWith("您反映的欠款问题"));

                // resolve asks first
                driver.findElement(By.id("resolve")).click();
                wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
                shot(driver, "confirm-resolve");
                driver.findElement(By.id("confirm-no")).click();

                // English, remembered by the browser
                driver.findElement(By.id("lang-switch")).click();
                wait.until(d -> "Conversation".equals(d.findElement(By.cssSelector("#chat h2")).getText()));
                driver.get(app.baseUrl() + "/staff");
                wait.until(d -> d.findElement(By.id("nav-queue")).getText().startsWith("Unit queue"));
                shot(driver, "queue-en");
            } finally {
                driver.quit();
            }

            WebDriver phone = HeadlessChromium.start(390, 844);
            try {
                WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
                phone.get(app.baseUrl() + "/staff/login");
                phone.findElement(By.id("username")).sendKeys("w-sup");
                phone.findElement(By.id("password")).sendKeys(PASSWORD);
                phone.findElement(By.id("login")).click();
                wait.until(d -> !d.findElements(By.cssSelector("tr[data-case='" + t + "']")).isEmpty());
                assertThat(phone.findElement(By.id("nav-items")).isDisplayed()).isFalse();
                // nothing wider than the screen (headless Chromium may keep its window wider than asked)
                long viewport = (Long) ((JavascriptExecutor) phone).executeScript("return window.innerWidth;");
                long width = (Long) ((JavascriptExecutor) phone).executeScript(
                        "return document.documentElement.scrollWidth;");
                assertThat(viewport).as("the phone layout applies").isLessThanOrEqualTo(600);
                assertThat(width).as("no horizontal scrolling at " + viewport + " px").isLessThanOrEqualTo(viewport);
                shot(phone, "phone-queue");
                phone.findElement(By.id("nav-toggle")).click();
                wait.until(d -> d.findElement(By.id("nav-mine")).isDisplayed());
                shot(phone, "phone-menu");
                phone.get(app.baseUrl() + "/staff/case/" + t);
                wait.until(d -> d.findElements(By.cssSelector("#conversation li")).size() > 3);
                shot(phone, "phone-case");
            } finally {
                phone.quit();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> script() throws Exception {
        String yaml = """
                name: a complaint with a photo, for the console
                language: zh
                steps:
                  - say: /complain
                    buttons: [拖欠账款、保证金不退]
                  - press: 拖欠账款、保证金不退
                    expect: 第 2 步
                  - photo: ""
                    expect: 已收到附件
                  - say: 2025年3月我们为区政府完成了道路工程，至今尾款 120 万元未付，多次催要无果。
                    expect: 第 3 步
                  - say: 奎文区
                    expect: 第 4 步
                  - say: 测试科技有限公司Z9
                    expect: 统一社会信用代码
                  - press: 跳过
                    expect: 第 6 步
                  - say: 王五
                    expect: 第 7 步
                  - say: "13900009999"
                    expect: 第 8 步
                  - press: 不保密
                    expect: 请核对
                  - press: ✅ 确认提交
                    expect: 投诉已受理
                """;
        return new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
    }

    static void shot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
