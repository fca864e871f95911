package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class OfflineBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void messagesWrittenAndReceivedWhileOfflineAppearExactlyOnceAfterReconnectAndReload() {
        var me = api.newUser("Соколова");
        var other = api.newUser("Попов");
        long chat = api.group(other, "Родительский чат", me);

        try (var browser = Browser.phone()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);

            browser.setOffline(true);
            await().atMost(Browser.TIMEOUT).until(() -> "Нет связи".equals(browser.connection()));

            assertThat(api.sendMessage(other, chat, "off-1-" + chat, "Собрание в четверг")
                            .status())
                    .isEqualTo(201);
            assertThat(api.sendMessage(other, chat, "off-2-" + chat, "Начало в 18:00")
                            .status())
                    .isEqualTo(201);
            browser.send("Я приду");
            browser.find(By.cssSelector("#messages .msg.pending"));
            Object stored =
                    browser.driver.executeScript("return localStorage.getItem('parta.outbox." + me.userId() + "')");
            assertThat((String) stored).contains("Я приду");
            assertThat(serverTexts(me, chat)).doesNotContain("Я приду");
            browser.screenshot("offline-phone");

            browser.setOffline(false);
            browser.driver.navigate().refresh();
            browser.awaitOnline();

            await().atMost(Browser.TIMEOUT)
                    .untilAsserted(() -> assertThat(browser.messageTexts())
                            .containsExactly("Собрание в четверг", "Начало в 18:00", "Я приду"));
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                            .findElements(By.cssSelector("#messages .msg.pending"))
                            .isEmpty());
            assertThat(Collections.frequency(serverTexts(me, chat), "Я приду")).isEqualTo(1);
            assertThat(browser.driver.executeScript("return localStorage.getItem('parta.outbox." + me.userId() + "')"))
                    .isEqualTo("[]");
        }
    }

    @Test
    void theStreamResumesFromItsCursorsWhenTheNetworkComesBackWithoutReload() {
        var me = api.newUser("Лебедева");
        var other = api.newUser("Новиков");
        long chat = api.group(other, "Волейбол", me);
        api.sendMessage(other, chat, "v0-" + chat, "Тренировка в среду");

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);
            browser.message("Тренировка в среду");

            browser.setOffline(true);
            await().atMost(Browser.TIMEOUT).until(() -> "Нет связи".equals(browser.connection()));
            api.sendMessage(other, chat, "v1-" + chat, "Перенесли на четверг");
            browser.send("Поняла");
            browser.find(By.cssSelector("#messages .msg.pending"));

            browser.setOffline(false);
            browser.awaitOnline();
            await().atMost(Browser.TIMEOUT)
                    .untilAsserted(() -> assertThat(browser.messageTexts())
                            .containsExactly("Тренировка в среду", "Перенесли на четверг", "Поняла"));
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                            .findElements(By.cssSelector("#messages .msg.pending"))
                            .isEmpty());
            assertThat(Collections.frequency(serverTexts(me, chat), "Поняла")).isEqualTo(1);
        }
    }

    @Test
    void fallsBackToLongPollingWhenTheWebSocketCannotBeOpened() {
        var me = api.newUser("Федорова");
        var other = api.newUser("Морозов");
        long chat = api.group(other, "Хор", me);

        try (var browser = Browser.desktop()) {
            browser.blockWebSockets();
            browser.login(api.base(), me.login(), Api.PASSWORD);
            browser.openChat(chat);
            api.sendMessage(other, chat, "p1-" + chat, "Репетиция в пятницу");
            browser.message("Репетиция в пятницу");
            browser.send("Буду");
            await().atMost(Browser.TIMEOUT).until(() -> serverTexts(me, chat).contains("Буду"));
            api.sendMessage(other, chat, "p2-" + chat, "Отлично");
            await().atMost(Browser.TIMEOUT)
                    .untilAsserted(() -> assertThat(browser.messageTexts())
                            .containsExactly("Репетиция в пятницу", "Буду", "Отлично"));
            assertThat(browser.connection()).isEqualTo("В сети");
        }
    }

    private java.util.List<String> serverTexts(Api.Session session, long chat) {
        return api.get(session, "/api/v1/chats/" + chat + "/messages?limit=50").list().stream()
                .map(m -> m.path("text").asString())
                .toList();
    }
}
