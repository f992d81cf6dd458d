package com.teahouse.policy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.HeadlessChromium;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A policy editor in headless Chromium on instance A creates an entry from an unanswered question, sees a kb check
 * problem at its line, fixes it and publishes; instance B, on the same Redis, serves it, and the question is answered
 * on Telegram (the fake Bot API, polled by both instances) with the new citation. Withdrawing makes it unanswered again, and
 * rolling back to the published version answers it again.
 */
class PolicyEditorBrowserIT {

    static final String ADMIN_PASSWORD = "policy-admin-pass-3";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String CITATION = "《优化营商环境条例》第35条";

    @Test
    void editorCreatesFixesPublishesAndTelegramOnAnotherInstanceAnswers() throws Exception {
        FakeBotApiServer telegram = new FakeBotApiServer().start();
        EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("policy-redis"));
        // both instances are Telegram instances (a reply leaves from the instance whose lane holds the chat); the
        // browser publishes on A, and B's own digest is checked to serve the entry before the question is asked
        Map<String, String> withTelegram = new HashMap<>(Map.of("teahouse.admin.password", ADMIN_PASSWORD,
                "teahouse.telegram.token", telegram.token(), "teahouse.telegram.api-url", telegram.baseUrl(),
                "teahouse.telegram.poll-timeout-seconds", "1"));
        ConfigurableApplicationContext a = TestApps.start(Files.createTempDirectory("a"), redis.url(), null,
                withTelegram);
        ConfigurableApplicationContext b = TestApps.start(Files.createTempDirectory("b"), redis.url(), null,
                withTelegram);
        WebDriver driver = HeadlessChromium.start(1400, 1000);
        try {
            int port = ((ServletWebServerApplicationContext) a).getWebServer().getPort();
            PolicyClient admin = new PolicyClient(port).login("admin", ADMIN_PASSWORD);
            assertEquals(200, admin.post("/staff/api/admin/accounts", Map.of("username", "policy-ed", "password",
                    "policy-ed-password-1", "roles", List.of("POLICY_EDITOR"), "unit", "iit")).status());
            FakeChat boss = telegram.privateChat(7001, "周老板", "zh-hans");
            assertFalse(ask(telegram, boss).contains(CITATION), "not answered before");

            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            String base = "http://localhost:" + port;
            driver.get(base + "/staff/login");
            driver.findElement(By.id("username")).sendKeys("policy-ed");
            driver.findElement(By.id("password")).sendKeys("policy-ed-password-1");
            driver.findElement(By.id("login")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/staff/login"));
            driver.get(base + "/policy/edit?new=1&question=" + PolicyClient.enc(PolicyEntries.QUESTION));
            WebElement markdown = driver.findElement(By.id("markdown"));
            wait.until(d -> markdown.getAttribute("value").contains("- \"" + PolicyEntries.QUESTION + "\""));

            WebElement id = driver.findElement(By.id("entry-id"));
            id.clear();
            id.sendKeys(PolicyEntries.ID);
            type(driver, markdown, PolicyEntries.drone().replace("articles: [35]", "articles: [99]"));
            wait.until(d -> d.findElement(By.id("problems")).getText().contains("第 14 行"));
            assertTrue(driver.findElement(By.id("problems")).getText().contains("article 99 does not exist"));
            assertTrue(driver.findElements(By.cssSelector("#gutter span.bad")).size() == 1);

            type(driver, markdown, PolicyEntries.drone());
            wait.until(d -> d.findElements(By.cssSelector("#problems li")).isEmpty()
                    && d.findElement(By.id("preview-zh")).getText().contains(CITATION + "（施行日期 2020-01-01）"));
            assertTrue(driver.findElement(By.id("preview-en")).getText().contains("Art. 35, in force since"));
            driver.findElement(By.id("note")).sendKeys("来自未答问题 from an unanswered question");
            driver.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("result")).getText().contains("已发布"));

            // either instance may hold the chat's lane, so both must serve the new revision before the question
            await().atMost(WAIT).until(() -> answers(a) && answers(b));
            assertTrue(askUntil(telegram, boss, CITATION).contains(CITATION),
                    "instance B answers on Telegram with the citation");

            driver.findElement(By.id("withdraw")).click();
            wait.until(d -> d.findElement(By.id("result")).getText().contains("已撤下"));
            await().atMost(WAIT).until(() -> !answers(a) && !answers(b));
            assertFalse(ask(telegram, boss).contains(CITATION), "unanswered again");

            wait.until(d -> !d.findElements(By.cssSelector("button.rollback[data-version='1']")).isEmpty());
            driver.findElement(By.cssSelector("button.rollback[data-version='1']")).click();
            wait.until(d -> d.findElement(By.id("result")).getText().contains("版本 3"));
            await().atMost(WAIT).until(() -> answers(a) && answers(b));
            assertTrue(askUntil(telegram, boss, CITATION).contains(CITATION), "answered again after the rollback");
        } finally {
            driver.quit();
            b.close();
            a.close();
            redis.close();
            telegram.close();
        }
    }

    static boolean answers(ConfigurableApplicationContext ctx) {
        return ctx.getBean(PolicyDigest.class).ask(PolicyEntries.QUESTION, "zh", 3).answer()
                .map(h -> h.id().equals(PolicyEntries.ID)).orElse(false);
    }

    /** Sends the question and returns all the bot says until it has answered (the next message). */
    static String ask(FakeBotApiServer telegram, FakeChat chat) {
        int from = telegram.sentMessages(chat.id()).size();
        telegram.userSends(chat, PolicyEntries.QUESTION);
        await().atMost(WAIT).until(() -> telegram.sentMessages(chat.id()).size() > from);
        List<SentMessage> sent = telegram.sentMessages(chat.id());
        return String.join("\n", sent.subList(from, sent.size()).stream().map(SentMessage::text).toList());
    }

    /**
     * Sends the question and returns all the bot says until what it says contains {@code expected} (the answer may
     * follow a typing line or arrive in parts), or what it said when the wait ran out.
     */
    static String askUntil(FakeBotApiServer telegram, FakeChat chat, String expected) {
        int from = telegram.sentMessages(chat.id()).size();
        telegram.userSends(chat, PolicyEntries.QUESTION);
        try {
            await().atMost(WAIT).until(() -> said(telegram, chat, from).contains(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the caller's assertion reports it, with what was said
        }
        return said(telegram, chat, from);
    }

    static String said(FakeBotApiServer telegram, FakeChat chat, int from) {
        List<SentMessage> sent = telegram.sentMessages(chat.id());
        return String.join("\n", sent.subList(from, sent.size()).stream().map(SentMessage::text).toList());
    }

    /** Puts the text in the textarea as typing would (sendKeys of a whole entry is slow and auto-indents nothing). */
    static void type(WebDriver driver, WebElement area, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input'));", area, text);
    }
}
