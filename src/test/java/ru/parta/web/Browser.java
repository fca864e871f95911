package ru.parta.web;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A headless Chromium driven by Selenium, with the few page actions the browser tests share. */
final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height, boolean mobile) {
        this(width, height, mobile, false);
    }

    /**
     * With {@code media}: a fake microphone that needs no permission prompt, audio that plays without a gesture, and
     * Chromium's performance log, from which {@link #requests} reads the requests sent.
     */
    private Browser(int width, int height, boolean mobile, boolean media) {
        try {
            profile = Files.createTempDirectory("parta-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-dev-shm-usage",
                "--lang=ru-RU",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        if (media) {
            options.addArguments(
                    "--use-fake-ui-for-media-stream",
                    "--use-fake-device-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required");
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        if (mobile) {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        }
    }

    static Browser phone() {
        return new Browser(360, 740, true);
    }

    static Browser desktop() {
        return new Browser(1280, 800, false);
    }

    /** A desktop browser with a fake microphone, unrestricted audio playback and a log of its requests. */
    static Browser media() {
        return new Browser(1280, 800, false, true);
    }

    /** The requests the page sent so far (since the last call) whose URL contains {@code urlPart}: method and headers. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requests(String urlPart) {
        var mapper = tools.jackson.databind.json.JsonMapper.shared();
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (var entry : driver.manage().logs().get("performance")) {
            var message = (Map<String, Object>)
                    mapper.readValue(entry.getMessage(), Map.class).get("message");
            if (!"Network.requestWillBeSent".equals(message.get("method"))) {
                continue;
            }
            var request = (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request");
            if (((String) request.get("url")).contains(urlPart)) {
                found.add(request);
            }
        }
        return found;
    }

    /** Slows the page's uploads to {@code bytesPerSecond} (-1: no limit). */
    void throttleUploads(int bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    /** Chooses files in the composer's file picker, as a person would. */
    void attach(Path... files) {
        driver.findElement(By.id("file-input"))
                .sendKeys(String.join(
                        "\n",
                        java.util.Arrays.stream(files)
                                .map(f -> f.toAbsolutePath().toString())
                                .toList()));
    }

    void open(String url) {
        driver.get(url);
    }

    void login(String base, String login, String password) {
        open(base + "/");
        find(By.id("login-name")).sendKeys(login);
        find(By.id("login-password")).sendKeys(password);
        find(By.id("login-submit")).click();
        awaitOnline();
    }

    void awaitOnline() {
        await().atMost(TIMEOUT).until(() -> "В сети".equals(connection()));
    }

    /** The connection state as shown on screen (the visible status pill). */
    String connection() {
        return (String) driver.executeScript(
                "return [...document.querySelectorAll('.conn')].find(e => e.offsetParent)?.textContent ?? null");
    }

    void openChat(long chatId) {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
            find(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
            return true;
        });
        find(By.id("compose-input"));
    }

    void send(String text) {
        var input = find(By.id("compose-input"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** The texts of the delivered (not pending) messages shown in the open chat, oldest first. */
    @SuppressWarnings("unchecked")
    List<String> messageTexts() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#messages .msg:not(.pending) .text')].map(e => e.textContent)");
    }

    /** The delivered message whose text is exactly {@code text}. */
    WebElement message(String text) {
        return await().atMost(TIMEOUT)
                .ignoreExceptions()
                .until(
                        () -> (WebElement) driver.executeScript(
                                "return [...document.querySelectorAll('#messages .msg:not(.pending)')]"
                                        + ".find(m => m.querySelector('.text').textContent === arguments[0]) ?? null",
                                text),
                        e -> e != null);
    }

    /** Opens a message's action bar and clicks the action with that label. */
    void messageAction(String text, String action) {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
            var msg = message(text);
            if (msg.findElements(By.cssSelector(".msg-actions")).isEmpty()) {
                msg.findElement(By.cssSelector("button.more")).click();
            }
            msg.findElements(By.cssSelector(".msg-actions button")).stream()
                    .filter(b -> action.equals(b.getText()) || action.equals(b.getAttribute("aria-label")))
                    .findFirst()
                    .orElseThrow()
                    .click();
            return true;
        });
    }

    WebElement find(By by) {
        return await().atMost(TIMEOUT).ignoreExceptions().until(() -> driver.findElement(by), e -> e.isDisplayed());
    }

    String text(By by) {
        var found = driver.findElements(by);
        return found.isEmpty() ? null : found.getFirst().getText();
    }

    /** Makes every WebSocket fail to open, as behind a firewall that blocks the stream port; before any page loads. */
    void blockWebSockets() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                        window.WebSocket = class {
                          static OPEN = 1;
                          constructor() { this.readyState = 3; setTimeout(() => this.onclose?.({code: 1006}), 20); }
                          send() { throw new Error('blocked'); }
                          close() {}
                        };
                        """));
    }

    void setOffline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
