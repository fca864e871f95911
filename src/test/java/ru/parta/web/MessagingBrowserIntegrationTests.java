package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class MessagingBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void twoUsersOnPhoneAndDesktopSeeEachOthersMessagesInRealTime() {
        var pupil = api.newUser("Смирнова");
        var teacher = api.newUser("Кузнецов");
        long chat = api.group(teacher, "7Б класс", pupil);
        api.sendMessage(teacher, chat, "seed-" + chat, "Добро пожаловать в 7Б");

        try (var phone = Browser.phone();
                var desktop = Browser.desktop()) {
            phone.login(api.base(), pupil.login(), Api.PASSWORD);
            desktop.login(api.base(), teacher.login(), Api.PASSWORD);
            assertThat(phone.text(By.cssSelector(".chat-item[data-chat-id='" + chat + "'] .badge")))
                    .isEqualTo("1");
            assertThat(phone.driver.getTitle()).isEqualTo("(1) Парта");
            phone.screenshot("chats-phone");
            phone.openChat(chat);
            desktop.openChat(chat);

            phone.send("Здравствуйте! Домашнее задание на завтра?");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> desktop.messageTexts().contains("Здравствуйте! Домашнее задание на завтра?"));

            desktop.send("Параграф 12, упражнения 3 и 4.");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> phone.messageTexts().contains("Параграф 12, упражнения 3 и 4."));
            assertThat(phone.messageTexts())
                    .containsExactly(
                            "Добро пожаловать в 7Б",
                            "Здравствуйте! Домашнее задание на завтра?",
                            "Параграф 12, упражнения 3 и 4.");

            // the teacher has the chat open, so the pupil's message is marked read and shows two ticks
            await().atMost(Browser.TIMEOUT)
                    .until(() -> "✓✓".equals(phone.text(By.cssSelector("#messages .msg.mine .status"))));
            // the other side is typing
            desktop.find(By.id("compose-input")).sendKeys("Ещё");
            await().atMost(Browser.TIMEOUT)
                    .until(() -> phone.text(By.id("typing")).equals("Кузнецов Имя печатает…"));

            phone.screenshot("chat-phone");
            phone.message("Параграф 12, упражнения 3 и 4.")
                    .findElement(By.cssSelector("button.more"))
                    .click();
            phone.find(By.cssSelector(".msg-actions"));
            phone.screenshot("chat-actions-phone");
            desktop.screenshot("chat-desktop");
        }
    }
}
