package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class HttpSyncIntegrationTests {

    @Autowired
    Api api;

    @Test
    void returnsMissedEventsWithNewCursorsAndPagesWithMore() {
        var a = api.newUser("Писатель");
        var b = api.newUser("Опросчик");
        long chat = api.group(a, "HTTP-синхронизация", b);
        for (int i = 0; i < 5; i++) {
            api.sendMessage(a, chat, "hs-" + i, "Сообщение " + i);
        }
        var page = api.post(b, "/api/v1/sync", Map.of("cursors", Map.of(), "limit", 3));
        assertThat(page.json().get("events").size()).isEqualTo(3);
        assertThat(page.json().get("more").asBoolean()).isTrue();
        long cursor = page.json().get("cursors").get(String.valueOf(chat)).asLong();
        var rest = api.post(b, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), cursor)));
        var events = rest.json().get("events");
        assertThat(events.get(0).get("position").asLong()).isEqualTo(cursor + 1);
        assertThat(events.get(events.size() - 1)
                        .get("data")
                        .get("message")
                        .get("text")
                        .asString())
                .isEqualTo("Сообщение 4");
        assertThat(rest.json().get("more").asBoolean()).isFalse();
    }

    @Test
    void longPollWakesWhenAnEventCommits() throws Exception {
        var a = api.newUser("Будильник");
        var b = api.newUser("Ждущий");
        long chat = api.group(a, "Долгий опрос", b);
        long cursor =
                api.get(b, "/api/v1/chats/" + chat).json().get("lastPosition").asLong();
        var poll = CompletableFuture.supplyAsync(() -> api.post(
                b, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), cursor), "waitSeconds", 25)));
        org.awaitility.Awaitility.await()
                .pollDelay(java.time.Duration.ofMillis(300))
                .until(() -> true);
        assertThat(poll).isNotDone();
        api.sendMessage(a, chat, "wake-1", "Проснись");
        var result = poll.get(10, TimeUnit.SECONDS);
        assertThat(result.json()
                        .get("events")
                        .get(0)
                        .get("data")
                        .get("message")
                        .get("text")
                        .asString())
                .isEqualTo("Проснись");
    }

    @Test
    void emptyLongPollReturnsUnchangedCursorsAfterTheWait() {
        var b = api.newUser("Тишина");
        long chat = api.group(b, "Тихий");
        long cursor =
                api.get(b, "/api/v1/chats/" + chat).json().get("lastPosition").asLong();
        var r = api.post(b, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), cursor), "waitSeconds", 1));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("events").isEmpty()).isTrue();
        assertThat(r.json().get("cursors").get(String.valueOf(chat)).asLong()).isEqualTo(cursor);
    }

    @Test
    void refusesBadSyncRequests() {
        var b = api.newUser("Ошибочный");
        assertThat(api.post(b, "/api/v1/sync", Map.of("waitSeconds", 99)).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(b, "/api/v1/sync", "{\"cursors\":{\"x\":1}}").status())
                .isEqualTo(400);
        assertThat(api.post(b, "/api/v1/sync", "{\"cursors\":[1,2]}").code()).isEqualTo("MALFORMED_JSON");
    }
}
