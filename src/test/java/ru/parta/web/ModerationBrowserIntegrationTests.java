package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * Moderation in the web client: a teacher switches lesson mode on from the chat header; a pupil then sees why the
 * composer cannot send and the send is refused; the pupil reports a classmate's message; the report appears in the
 * teacher's queue, where deleting resolves it.
 */
@IntegrationTest
class ModerationBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void teacherSwitchesOnLessonModePupilCannotSendAndAReportReachesTheTeachersQueue() {
        var teacher = api.newUser("Учительница");
        var pupil = api.newUser("Школьник");
        var classmate = api.newUser("Хулиган");
        long chat = api.group(teacher, "5А: математика", pupil, classmate);
        api.sendMessage(classmate, chat, "spam-" + chat, "Спам спам спам");

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), teacher.login(), Api.PASSWORD);
            browser.openChat(chat);
            var toggle = browser.find(By.id("lesson-toggle"));
            await().atMost(Browser.TIMEOUT).until(toggle::isDisplayed);
            assertThat(toggle.getText()).isEqualTo("Режим урока: выкл.");
            toggle.click();
            await().atMost(Browser.TIMEOUT).until(() -> "true".equals(toggle.getAttribute("aria-pressed")));
            assertThat(api.get(teacher, "/api/v1/chats/" + chat + "/moderation")
                            .json()
                            .get("lessonMode")
                            .asBoolean())
                    .isTrue();
        }

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), pupil.login(), Api.PASSWORD);
            browser.openChat(chat);
            var notice = browser.find(By.id("composer-notice"));
            await().atMost(Browser.TIMEOUT).until(notice::isDisplayed);
            assertThat(notice.getText()).contains("Идёт урок");
            browser.send("Можно выйти?");
            await().atMost(Browser.TIMEOUT).until(() -> notice.getText().contains("идёт урок"));
            assertThat(api.get(teacher, "/api/v1/chats/" + chat + "/messages").list())
                    .noneMatch(m -> m.path("text").asString().equals("Можно выйти?"));
            assertThat(browser.driver.findElement(By.id("lesson-toggle")).isDisplayed())
                    .isFalse();
            browser.screenshot("moderation-pupil");

            browser.driver.executeScript("window.prompt = () => 'спам'; window.alert = () => {};");
            browser.messageAction("Спам спам спам", "Пожаловаться");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> !api.get(teacher, "/api/v1/moderation/reports")
                            .list()
                            .isEmpty());
        }

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), teacher.login(), Api.PASSWORD);
            browser.find(By.id("open-reports")).click();
            var item = await().atMost(Browser.TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.cssSelector("#report-list .report-item")), e -> true);
            assertThat(item.getText()).contains("Спам спам спам").contains("спам");
            browser.screenshot("moderation-queue");
            item.findElement(By.cssSelector("button.danger")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                            .findElements(By.cssSelector("#report-list .report-item"))
                            .isEmpty());
            assertThat(api.get(teacher, "/api/v1/chats/" + chat + "/messages").list())
                    .anyMatch(m -> m.path("deleted").asBoolean());
        }
        assertThat(api.send(teacher, "PUT", "/api/v1/chats/" + chat + "/lesson-mode", Map.of("on", false))
                        .status())
                .isEqualTo(200);
    }
}
