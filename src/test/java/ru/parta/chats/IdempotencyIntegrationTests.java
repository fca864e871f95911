package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

@IntegrationTest
class IdempotencyIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixteenConcurrentRetriesCreateOneMessage() throws Exception {
        var a = api.newUser("Ретрай");
        long chat = api.group(a, "Повторы");
        var start = new CountDownLatch(1);
        List<Callable<Api.Response>> sends = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sends.add(() -> {
                start.await();
                return api.sendMessage(a, chat, "same-client-id", "Один раз");
            });
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            var futures = sends.stream().map(pool::submit).toList();
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (var f : futures) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses)
                    .extracting(r -> r.json().get("id").asLong())
                    .containsOnly(responses.getFirst().json().get("id").asLong());
        }
        assertThat(count(chat)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from chat_events where chat_id = ? and type = 'message.new'")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLateRetryAfterReconnectReturnsTheOriginal() {
        var a = api.newUser("Поздний");
        var b = api.newUser("Читатель");
        long chat = api.group(a, "Поздний повтор", b);
        var first = api.sendMessage(a, chat, "late-1", "Оригинал");
        assertThat(first.status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            api.sendMessage(a, chat, "other-" + i, "Другое " + i);
        }
        var relogged = api.login(a.login(), a.userId());
        var retry = api.sendMessage(relogged, chat, "late-1", "Оригинал");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(retry.json().get("position").asLong())
                .isEqualTo(first.json().get("position").asLong());
        assertThat(count(chat)).isEqualTo(6);
        var stream = StreamClient.connect(api.streamPort(b), b.token()).hello();
        org.awaitility.Awaitility.await()
                .until(() -> stream.events("message.new").size() == 6);
    }

    @Test
    void reusingAClientIdInAnotherChatIsAConflict() {
        var a = api.newUser("Путаник");
        long one = api.group(a, "Первый");
        long two = api.group(a, "Второй");
        assertThat(api.sendMessage(a, one, "dup-x", "Туда").status()).isEqualTo(201);
        var r = api.sendMessage(a, two, "dup-x", "Сюда");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("CLIENT_ID_REUSED");
        assertThat(count(two)).isZero();
    }

    @Test
    void aRetryFromASenderWhoLeftTheChatReturnsTheOriginalButANewSendIsRefused() {
        var a = api.newUser("Владелица");
        var b = api.newUser("Ушедшая");
        long chat = api.group(a, "Уход", b);
        var sent = api.sendMessage(b, chat, "before-leaving", "Пока");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(api.post(b, "/api/v1/chats/" + chat + "/leave", java.util.Map.of())
                        .status())
                .isBetween(200, 204);
        var retry = api.sendMessage(b, chat, "before-leaving", "Пока");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong())
                .isEqualTo(sent.json().get("id").asLong());
        assertThat(api.sendMessage(b, chat, "after-leaving", "Я вернулась").status())
                .isEqualTo(404);
        assertThat(count(chat)).isEqualTo(1);
    }

    @Test
    void invalidClientIdIsRefused() {
        var a = api.newUser("Без id");
        long chat = api.group(a, "Чат");
        assertThat(api.sendMessage(a, chat, "not valid!", "x").code()).isEqualTo("INVALID_CLIENT_ID");
        assertThat(api.post(a, "/api/v1/chats/" + chat + "/messages", java.util.Map.of("text", "x"))
                        .code())
                .isEqualTo("INVALID_CLIENT_ID");
    }

    private long count(long chat) {
        return jdbc.sql("select count(*) from messages where chat_id = ?")
                .param(chat)
                .query(Long.class)
                .single();
    }
}
