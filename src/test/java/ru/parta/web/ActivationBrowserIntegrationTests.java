package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ActivationBrowserIntegrationTests {

    static final String NEW_PASSWORD = "new-secret-pass-7";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void guardianActivatesThemselvesThenTheirYoungChildWhoThenSeesTheClassChat() throws Exception {
        var admin = api.newUser("Сисадмин", true);
        long department = api.post(
                        admin, "/api/v1/units", Map.of("kind", "DEPARTMENT", "name", "УО акт " + System.nanoTime()))
                .json()
                .get("id")
                .asLong();
        long school = api.post(
                        admin, "/api/v1/units", Map.of("parentId", department, "kind", "SCHOOL", "name", "СОШ №7"))
                .json()
                .get("id")
                .asLong();
        byte[] roster = Files.readAllBytes(Path.of("src/test/resources/rosters/roster-sample.csv"));
        assertThat(api.upload(admin, "/api/v1/units/" + school + "/roster?dryRun=false", "r.csv", roster)
                        .status())
                .isEqualTo(200);
        long classId = api.get(admin, "/api/v1/units/" + school)
                .json()
                .get("children")
                .valueStream()
                .filter(u -> u.get("name").asString().equals("5А"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        List<JsonNode> invitations = api.post(admin, "/api/v1/units/" + classId + "/invitations", null)
                .list();
        var guardianInvitation = invitations.stream()
                .filter(i -> i.get("role").asString().contains("GUARDIAN"))
                .findFirst()
                .orElseThrow();
        long childId = jdbc.sql("select child_id from guardianships where guardian_id = ?")
                .param(guardianInvitation.get("personId").asLong())
                .query(Long.class)
                .list()
                .getFirst();
        String childCode = invitations.stream()
                .filter(i -> i.get("personId").asLong() == childId)
                .findFirst()
                .orElseThrow()
                .get("code")
                .asString();
        String parentLogin = "parent-" + System.nanoTime();
        String kidLogin = "kid-" + System.nanoTime();

        try (var phone = Browser.phone()) {
            // a mistyped code: the server's Russian message
            phone.open(api.base() + "/");
            phone.find(By.id("have-code")).click();
            phone.find(By.id("act-code")).sendKeys("AAAAA-BBBBB");
            phone.find(By.id("act-check")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> "Код приглашения не найден, уже использован или истёк."
                            .equals(phone.text(By.id("act-error"))));
            phone.screenshot("activation-error-phone");

            // the printed link of the guardian
            phone.open(api.base() + "/activate?code="
                    + guardianInvitation.get("code").asString());
            assertThat(phone.find(By.id("act-who")).getText()).startsWith("Код для: ");
            assertThat(phone.driver.findElements(By.id("act-consent"))).isEmpty();
            phone.find(By.id("act-login")).sendKeys(parentLogin);
            phone.find(By.id("act-password")).sendKeys(NEW_PASSWORD);
            phone.find(By.id("act-password2")).sendKeys(NEW_PASSWORD + "x");
            phone.find(By.id("act-submit")).click();
            await().atMost(Browser.TIMEOUT).until(() -> "Пароли не совпадают.".equals(phone.text(By.id("act-error"))));
            phone.find(By.id("act-password2")).sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
            phone.screenshot("activation-adult-phone");
            phone.find(By.id("act-submit")).click();
            phone.awaitOnline();
            await().atMost(Browser.TIMEOUT).until(() -> chatTitles(phone).contains("5А — родители"));
            assertThat(phone.driver.getCurrentUrl()).isEqualTo(api.base() + "/");

            // now signed in, the guardian activates the child under 14 with consent
            phone.open(api.base() + "/activate?code=" + childCode);
            assertThat(phone.find(By.id("act-guardian")).getText()).contains("родител");
            phone.find(By.id("act-login")).sendKeys(kidLogin);
            phone.find(By.id("act-password")).sendKeys(NEW_PASSWORD);
            phone.find(By.id("act-password2")).sendKeys(NEW_PASSWORD);
            phone.find(By.id("act-submit")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> phone.text(By.id("act-error")) != null
                            && !phone.text(By.id("act-error")).isEmpty());
            assertThat(phone.text(By.id("act-error"))).containsIgnoringCase("согласи");
            phone.find(By.id("act-consent")).click();
            phone.screenshot("activation-child-phone");
            phone.find(By.id("act-submit")).click();
            assertThat(phone.find(By.id("act-done-login")).getText()).isEqualTo(kidLogin);
            phone.screenshot("activation-done-phone");
            phone.find(By.id("act-to-chats")).click();
            phone.awaitOnline();
        }
        try (var desktop = Browser.desktop()) {
            desktop.login(api.base(), kidLogin, NEW_PASSWORD);
            await().atMost(Browser.TIMEOUT).until(() -> chatTitles(desktop).contains("5А — класс"));
            assertThat(
                            desktop.text(
                                    By.xpath(
                                            "//button[contains(@class,'chat-item')][.//span[@class='title' and text()='5А — класс']]//span[@class='auto']")))
                    .isEqualTo("авто");
            desktop.screenshot("chats-auto-desktop");

            // the member list tells why each one is in the generated chat
            desktop.find(By.xpath("//button[contains(@class,'chat-item')][.//span[text()='5А — класс']]"))
                    .click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> !desktop.find(By.id("chat-sub")).getText().isEmpty());
            desktop.find(By.id("chat-sub")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> desktop.driver.findElements(By.cssSelector("#member-list .reasons")).stream()
                            .anyMatch(r -> r.getText().contains("5А")));
            desktop.screenshot("members-reasons-desktop");
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> chatTitles(Browser browser) {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('.chat-item .title')].map(e => e.textContent)");
    }
}
