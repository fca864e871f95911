package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.files.TestFiles;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Files in the web client: photos and documents sent and seen, voice messages played and recorded. */
@IntegrationTest
class AttachmentsBrowserIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aPhotoAndADocumentSentTogetherShowAThumbnailAndNameAndSizeToTheOtherMember() throws IOException {
        var teacher = api.newUser("Фотографова");
        var parent = api.newUser("Смотрящий");
        long chat = api.group(teacher, "Экскурсия", parent);
        Path photo = Files.write(dir.resolve("доска.jpg"), TestFiles.jpegWithGps(800, 600, 1));
        Path pdf = Files.write(dir.resolve("Расписание.pdf"), pdf(3000));

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), teacher.login(), Api.PASSWORD);
            browser.openChat(chat);
            browser.attach(photo, pdf);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector("#tray li"))
                                    .size()
                            == 2);
            browser.send("Фото с экскурсии");
            WebElement sent = browser.message("Фото с экскурсии");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> sent.findElements(By.cssSelector(".photo img")).size() == 1);
            assertThat(browser.driver.findElement(By.id("tray")).isDisplayed()).isFalse();

            // at most ten files per message: the eleventh is refused with a notice, a chosen file can be removed
            Path[] many = new Path[11];
            for (int i = 0; i < many.length; i++) {
                many[i] = Files.write(dir.resolve("лист" + i + ".txt"), new byte[] {(byte) i});
            }
            browser.attach(many);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector("#tray li"))
                                    .size()
                            == 10);
            assertThat(browser.text(By.id("attach-note"))).contains("10");
            browser.find(By.cssSelector("#tray li button")).click();
            assertThat(browser.driver.findElements(By.cssSelector("#tray li"))).hasSize(9);
        }
        var last = api.get(parent, "/api/v1/chats/" + chat + "/messages").list().getLast();
        assertThat(last.get("attachments")).hasSize(2);

        try (var browser = Browser.phone()) {
            browser.login(api.base(), parent.login(), Api.PASSWORD);
            browser.openChat(chat);
            WebElement message = browser.message("Фото с экскурсии");
            WebElement img = message.findElement(By.cssSelector(".photo img"));
            // the box is sized from the file before the picture arrives; narrower on a phone, in proportion
            assertThat(img.getDomAttribute("width")).isEqualTo("320");
            assertThat(img.getDomAttribute("height")).isEqualTo("240");
            var box = message.findElement(By.cssSelector(".photo")).getRect();
            assertThat(box.getWidth()).isBetween(200, 320);
            assertThat((double) box.getHeight() / box.getWidth())
                    .isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
            assertThat(img.getDomAttribute("src")).endsWith("/thumbnail");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> ((Number) browser.driver.executeScript(
                                            "return arguments[0].complete ? arguments[0].naturalWidth : 0", img))
                                    .intValue()
                            == 320);
            assertThat(message.findElement(By.cssSelector(".photo")).getAttribute("href"))
                    .endsWith("/api/v1/files/"
                            + last.get("attachments").get(0).get("id").asLong());
            WebElement doc = message.findElement(By.cssSelector(".doc"));
            assertThat(doc.findElement(By.cssSelector(".doc-name")).getText()).isEqualTo("Расписание.pdf");
            assertThat(doc.findElement(By.cssSelector(".doc-size")).getText()).isEqualTo("2,9 КБ");
            assertThat(doc.findElement(By.cssSelector(".doc-icon")).getText()).isEqualTo("PDF");
            assertThat(doc.getAttribute("data-kind")).isEqualTo("pdf");
            browser.screenshot("attachments-phone");
        }
    }

    @Test
    void aVoiceMessagePlaysToTheEndWithItsDurationShown() throws IOException {
        var me = api.newUser("Слушающая");
        long chat = api.group(me, "Голосовые");
        Path voice = Files.write(dir.resolve("привет.ogg"), TestFiles.oggOpus(4, 312));

        try (var browser = Browser.media()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);
            browser.attach(voice);
            browser.send("Послушайте");
            By player = By.cssSelector("#messages .msg:not(.pending) .voice");
            assertThat(browser.find(player)
                            .findElement(By.cssSelector(".voice-time"))
                            .getText())
                    .isEqualTo("0:04");
            assertThat(browser.find(player).findElements(By.cssSelector(".wave .lvl")))
                    .hasSize(40);
            long message = api.get(me, "/api/v1/chats/" + chat + "/messages")
                    .list()
                    .getLast()
                    .get("id")
                    .asLong();
            await().atMost(Browser.TIMEOUT).ignoreExceptions().until(() -> {
                browser.find(player).findElement(By.cssSelector("button.play")).click();
                return true;
            });
            await().atMost(Browser.TIMEOUT).until(() -> "playing".equals(voiceState(browser)));
            // the message is drawn again while it plays (a reaction arrives): the player goes on to the end
            api.post(me, "/api/v1/chats/" + chat + "/messages/" + message + "/reactions", Map.of("emoji", "👍"));
            await().atMost(Browser.TIMEOUT)
                    .until(() -> !browser.driver
                            .findElements(By.cssSelector("#messages .msg .reactions"))
                            .isEmpty());
            await().atMost(Browser.TIMEOUT).until(() -> "ended".equals(voiceState(browser)));
            assertThat(((Number) browser.driver.executeScript(
                                    "return document.querySelector('#messages .voice audio').duration"))
                            .doubleValue())
                    .isBetween(3.9, 4.1);
        }
    }

    private static String voiceState(Browser browser) {
        return (String) browser.driver.executeScript(
                "return document.querySelector('#messages .msg:not(.pending) .voice')?.dataset.state ?? null");
    }

    @Test
    void aRecordedVoiceMessageIsSentWithItsDurationAndLevelsAndPlays() {
        var me = api.newUser("Говорящий");
        long chat = api.group(me, "Запись");

        try (var browser = Browser.media()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);
            browser.find(By.id("record")).click();
            browser.find(By.id("recorder"));
            browser.find(By.id("rec-cancel")).click();
            browser.find(By.id("compose-input"));
            assertThat(browser.driver.findElement(By.id("recorder")).isDisplayed())
                    .isFalse();

            browser.find(By.id("record")).click();
            browser.find(By.id("recorder"));
            await().atMost(Browser.TIMEOUT).until(() -> "0:02".equals(browser.text(By.id("rec-time"))));
            browser.find(By.id("rec-send")).click();

            By player = By.cssSelector("#messages .msg:not(.pending) .voice");
            browser.find(player);
            JsonNode file = api.get(me, "/api/v1/chats/" + chat + "/messages")
                    .list()
                    .getLast()
                    .get("attachments")
                    .get(0);
            assertThat(file.get("contentType").asString()).isEqualTo("audio/webm");
            assertThat(file.get("fileName").asString()).startsWith("voice-").endsWith(".webm");
            assertThat(file.get("durationMs").asLong()).isBetween(1500L, 6000L);
            assertThat(file.get("levels").size()).isBetween(10, 64);
            assertThat(file.get("levels")).anySatisfy(l -> assertThat(l.asInt()).isEqualTo(100));

            await().atMost(Browser.TIMEOUT).ignoreExceptions().until(() -> {
                browser.find(player).findElement(By.cssSelector("button.play")).click();
                return true;
            });
            await().atMost(Browser.TIMEOUT)
                    .until(() -> java.util.Set.of("playing", "ended").contains(voiceState(browser)));
            // the cancelled recording was never sent
            assertThat(api.get(me, "/api/v1/chats/" + chat + "/messages").list())
                    .hasSize(1);
            browser.screenshot("voice-desktop");
        }
    }

    @Test
    void anUploadInterruptedByAReloadResumesFromTheServersOffsetAndArrivesIntact() throws Exception {
        var me = api.newUser("Терпеливая");
        long chat = api.group(me, "Большие файлы");
        byte[] content = new byte[2_500_000];
        new Random(5).nextBytes(content);
        content[0] = 0x42;
        Path big = Files.write(dir.resolve("отчёт.bin"), content);

        try (var browser = Browser.media()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);
            browser.throttleUploads(400_000);
            browser.attach(big);
            browser.send("Годовой отчёт");
            browser.find(By.cssSelector("#messages .msg.pending progress"));
            await().atMost(Browser.TIMEOUT).until(() -> received(me.userId()) >= 1 << 20);
            long before = received(me.userId());
            assertThat(before).isLessThan(content.length);

            browser.driver.navigate().refresh();
            browser.throttleUploads(-1);
            browser.awaitOnline();
            WebElement message = browser.message("Годовой отчёт");
            assertThat(message.findElement(By.cssSelector(".doc-name")).getText())
                    .isEqualTo("отчёт.bin");

            var puts = browser.requests("/api/v1/uploads/").stream()
                    .filter(r -> "PUT".equals(r.get("method")))
                    .map(r -> Long.parseLong((String) ((Map<?, ?>) r.get("headers")).get("Upload-Offset")))
                    .toList();
            // the first chunk went once; after the reload the client asked for the offset and went on from there
            assertThat(puts).startsWith(0L).contains(before);
            assertThat(puts.stream().filter(o -> o == 0).count()).isEqualTo(1);
            assertThat(puts).allSatisfy(o -> assertThat(o % (1 << 20)).isZero());
        }
        var files = jdbc.sql("select state, blob, stored_size from files where uploader_id = ?")
                .param(me.userId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .list();
        assertThat(files).hasSize(1);
        assertThat(files.getFirst()[0]).isEqualTo("READY");
        assertThat(files.getFirst()[2]).isEqualTo((long) content.length);
        assertThat(files.getFirst()[1])
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(api.get(me, "/api/v1/chats/" + chat + "/messages")
                        .list()
                        .getLast()
                        .get("attachments"))
                .hasSize(1);
    }

    private long received(long uploaderId) {
        return jdbc.sql("select coalesce(max(received), 0) from files where uploader_id = ?")
                .param(uploaderId)
                .query(Long.class)
                .single();
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
