package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ChatFeaturesBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void historyScrollMentionsReplyEditReactPinDeleteAndSearch() {
        var me = api.newUser("Орлова");
        var other = api.newUser("Зайцев");
        long chat = api.group(me, "Кружок робототехники", other);
        api.group(other, "Шахматный клуб", me);
        for (int i = 1; i <= 60; i++) {
            api.sendMessage(other, chat, "h" + i + "-" + chat, "История " + i);
        }

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            // search of chats by title
            browser.find(By.id("chat-filter")).sendKeys("робот");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector(".chat-item"))
                                    .size()
                            == 1);
            browser.find(By.id("chat-filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector(".chat-item"))
                                    .size()
                            == 2);
            browser.openChat(chat);
            await().atMost(Browser.TIMEOUT).until(() -> browser.messageTexts().size() == 50);
            assertThat(browser.messageTexts().getLast()).isEqualTo("История 60");

            // infinite scroll upwards loads the older page
            browser.driver.executeScript("document.getElementById('messages').scrollTop = 0");
            await().atMost(Browser.TIMEOUT).until(() -> browser.messageTexts().size() == 60);
            assertThat(browser.messageTexts().getFirst()).isEqualTo("История 1");

            // mention with autocomplete from the member list
            var input = browser.find(By.id("compose-input"));
            input.sendKeys("@Зай");
            assertThat(browser.find(By.cssSelector("#mention-list [role=option]"))
                            .getText())
                    .isEqualTo("Зайцев Имя");
            input.sendKeys(Keys.ENTER);
            input.sendKeys("посмотрите, пожалуйста");
            input.sendKeys(Keys.ENTER);
            browser.message("@Зайцев Имя посмотрите, пожалуйста");
            assertThat(last(me, chat).path("mentions").get(0).asLong()).isEqualTo(other.userId());

            // a message from the other side arrives; reply to it
            long question = api.sendMessage(other, chat, "q-" + chat, "Кто принесёт паяльник?")
                    .json()
                    .path("id")
                    .asLong();
            browser.messageAction("Кто принесёт паяльник?", "Ответить");
            assertThat(browser.find(By.id("compose-context-text")).getText()).contains("Кто принесёт паяльник?");
            browser.send("Я принесу");
            browser.message("Я принесу");
            assertThat(last(me, chat).path("replyTo").asLong()).isEqualTo(question);
            assertThat(browser.message("Я принесу")
                            .findElement(By.cssSelector(".quote"))
                            .getText())
                    .contains("Кто принесёт паяльник?");

            // edit own message
            browser.messageAction("Я принесу", "Изменить");
            browser.find(By.id("compose-input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Я принесу два");
            browser.find(By.id("compose-input")).sendKeys(Keys.ENTER);
            assertThat(browser.message("Я принесу два").getText()).contains("изменено");

            // react and pin
            browser.messageAction("Кто принесёт паяльник?", "Реакция 👍");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.message("Кто принесёт паяльник?")
                                    .findElements(By.cssSelector(".reactions button[aria-pressed=true]"))
                                    .size()
                            == 1);
            browser.messageAction("Кто принесёт паяльник?", "Закрепить");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.find(By.id("pinned-bar")).getText().contains("Кто принесёт паяльник?"));

            // the other side edits and deletes in real time: the delete leaves a tombstone
            api.send(
                    other,
                    "PATCH",
                    "/api/v1/chats/" + chat + "/messages/" + question,
                    Map.of("text", "Кто принесёт паяльник и припой?"));
            browser.message("Кто принесёт паяльник и припой?");
            api.send(other, "DELETE", "/api/v1/chats/" + chat + "/messages/" + question, null);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector(".msg.deleted"))
                                    .size()
                            == 1);
            assertThat(browser.driver
                            .findElement(By.cssSelector(".msg.deleted .text"))
                            .getText())
                    .isEqualTo("Сообщение удалено");

            // delete own message via the UI (confirm dialog)
            browser.messageAction("Я принесу два", "Удалить");
            await().atMost(Browser.TIMEOUT).ignoreExceptions().until(() -> {
                browser.driver.switchTo().alert().accept();
                return true;
            });
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector(".msg.deleted"))
                                    .size()
                            == 2);

            // message search
            browser.find(By.id("search-toggle")).click();
            browser.find(By.id("search-input")).sendKeys("История 7", Keys.ENTER);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.find(By.id("search-results")).getText().contains("История 7"));
            browser.screenshot("features-desktop");
        }
    }

    private JsonNode last(Api.Session session, long chat) {
        return api.get(session, "/api/v1/chats/" + chat + "/messages?limit=1")
                .list()
                .getFirst();
    }
}
