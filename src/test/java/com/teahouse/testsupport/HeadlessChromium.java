package com.teahouse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver packages, installed by .ci/run), driven by
 * Selenium. Nothing is downloaded: both binaries come from the system.
 */
public final class HeadlessChromium {

    private static final String BROWSER = System.getProperty("teahouse.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("teahouse.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A phone-sized window unless told otherwise. The caller quits it. */
    public static WebDriver start(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No temp dir for the Chromium profile", e);
        }
    }

    public static WebDriver phone() {
        return start(390, 844);
    }
}
