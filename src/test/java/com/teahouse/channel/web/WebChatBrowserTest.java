package com.teahouse.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.testsupport.HeadlessChromium;
import com.teahouse.testsupport.TestHotline;
import com.teahouse.texts.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web chat in a real headless Chromium, phone-sized, against the whole app. */
class WebChatBrowserTest {

    @TempDir
    static Path data;

    private static TestHotline app;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        app = TestHotline.start(data, Map.of());
        browser = HeadlessChromium.phone();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static void say(String text) {
        WebElement input = browser.findElement(By.id("input"));
        input.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private static List<WebElement> botLines() {
        return browser.findElements(By.cssSelector(".line.bot"));
    }

    @Test
    void startGetsTheGreetingWithButtonsLiveAndHostileTextStaysText() {
        browser.get(app.baseUrl() + "/");
        Texts texts = app.bean(Texts.class);
        waiting().until(d -> !d.findElement(By.id("input")).getAttribute("placeholder").isEmpty());
        say("/start");
        waiting().until(d -> botLines().size() >= 1);
        WebElement greeting = botLines().get(0);
        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        assertThat(greeting.getText()).contains(texts.plain("menu.greeting", lang));
        List<WebElement> buttons = greeting.findElements(By.tagName("button"));
        assertThat(buttons).isNotEmpty();
        assertThat(buttons.get(0).getText()).isEqualTo(texts.plain("menu.ask", lang));

        String hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        say(hostile);
        waiting().until(d -> d.findElements(By.cssSelector(".line.user")).size() >= 2);
        assertThat(browser.findElements(By.cssSelector(".line.user")).get(1).getText()).isEqualTo(hostile);
        assertThat(browser.findElements(By.cssSelector(".line img"))).isEmpty();
        assertThat(browser.getTitle()).isNotEqualTo("pwned");

        // a reload shows the same history: it lives in Redis, not in the page
        int before = browser.findElements(By.cssSelector(".line")).size();
        browser.navigate().refresh();
        waiting().until(d -> d.findElements(By.cssSelector(".line")).size() >= before);

        buttons = botLines().get(0).findElements(By.tagName("button"));
        int lines = botLines().size();
        buttons.get(0).click();
        waiting().until(d -> botLines().size() > lines);
    }

    @Test
    void aNewVisitorIsGreetedWithTheMenuWithoutTypingAndOnlyOnce() {
        browser.get(app.baseUrl() + "/");
        browser.manage().deleteAllCookies();
        browser.navigate().refresh();
        Texts texts = app.bean(Texts.class);
        waiting().until(d -> botLines().size() >= 1);
        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        WebElement greeting = botLines().get(0);
        assertThat(greeting.getText()).contains(texts.plain("menu.greeting", lang));
        assertThat(greeting.findElements(By.tagName("button"))).extracting(WebElement::getText)
                .contains(texts.plain("menu.ask", lang), texts.plain("menu.complain", lang),
                        texts.plain("menu.status", lang), texts.plain("menu.human", lang));
        assertThat(browser.findElements(By.cssSelector(".line.user"))).isEmpty();

        // reloads show the same chat: greeted once, not again
        browser.navigate().refresh();
        browser.navigate().refresh();
        waiting().until(d -> botLines().size() >= 1);
        // a press after the reloads: once its answer is here, any second greeting would be here before it
        botLines().get(0).findElements(By.tagName("button")).get(0).click();
        waiting().until(d -> botLines().size() >= 2);
        assertThat(botLines()).extracting(WebElement::getText)
                .filteredOn(text -> text.contains(texts.plain("menu.greeting", lang))).hasSize(1);
        assertThat(botLines().get(1).getText()).contains(texts.plain("ask.prompt", lang));
    }

    @Test
    void tooLongMessageGetsAClearMessage() {
        browser.get(app.baseUrl() + "/");
        waiting().until(d -> !d.findElement(By.id("input")).getAttribute("placeholder").isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('input').removeAttribute('maxlength');"
                        + "document.getElementById('input').value = 'x'.repeat(5000);");
        browser.findElement(By.id("send")).click();
        WebElement error = browser.findElement(By.id("error"));
        waiting().until(d -> error.isDisplayed());
        assertThat(error.getText()).isNotBlank().isNotEqualTo("tooLong");
        assertThat(browser.findElements(By.cssSelector(".line.user"))).noneMatch(l -> l.getText().length() > 4000);
    }
}
