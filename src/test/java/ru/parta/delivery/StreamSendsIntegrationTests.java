package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StreamSendsIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private String frame(Map<String, Object> fields) {
        var all = new java.util.LinkedHashMap<String, Object>(fields);
        all.put("type", "send");
        return api.json().writeValueAsString(all);
    }

    private static JsonNode answer(StreamClient stream, String clientId) {
        await().until(() -> stream.frames().stream()
                .anyMatch(f -> clientId.equals(f.path("clientId").asString(null))));
        return stream.frames().stream()
                .filter(f -> clientId.equals(f.path("clientId").asString(null)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMessageSentOverTheStreamIsStoredAcknowledgedAndDeliveredToTheOtherMembers() {
        var sender = api.newUser("Пишущий");
        var reader = api.newUser("Читающий");
        long chat = api.group(sender, "Поток", reader);
        var out = StreamClient.connect(api.streamPort(sender), sender.token()).hello();
        var in = StreamClient.connect(api.streamPort(reader), reader.token()).hello();
        await().until(() -> out.ready() && in.ready());

        out.send(frame(Map.of("chatId", chat, "clientId", "ws-1", "text", "Домашнее задание на завтра")));

        JsonNode sent = answer(out, "ws-1");
        assertThat(sent.get("type").asString()).isEqualTo("sent");
        assertThat(sent.get("created").asBoolean()).isTrue();
        assertThat(sent.get("chatId").asLong()).isEqualTo(chat);
        await().until(() -> !in.events("message.new").isEmpty());
        JsonNode message = in.events("message.new").getFirst().get("data").get("message");
        assertThat(message.get("id").asLong()).isEqualTo(sent.get("messageId").asLong());
        assertThat(message.get("text").asString()).isEqualTo("Домашнее задание на завтра");
        assertThat(message.get("senderId").asLong()).isEqualTo(sender.userId());
        var history = api.get(reader, "/api/v1/chats/" + chat + "/messages").list();
        assertThat(history).extracting(m -> m.get("text").asString()).containsExactly("Домашнее задание на завтра");
    }

    @Test
    void aRepeatedSendOverTheStreamReturnsTheFirstMessageAndStoresNothingNew() {
        var sender = api.newUser("Повторяющий");
        long chat = api.group(sender, "Повторы", api.newUser("Собеседник"));
        var out = StreamClient.connect(api.streamPort(sender), sender.token()).hello();
        await().until(out::ready);

        out.send(frame(Map.of("chatId", chat, "clientId", "again-1", "text", "Один раз")));
        JsonNode first = answer(out, "again-1");
        out.send(frame(Map.of("chatId", chat, "clientId", "again-1", "text", "Один раз")));
        await().until(() -> out.frames().stream()
                        .filter(f -> "again-1".equals(f.path("clientId").asString(null)))
                        .count()
                == 2);

        JsonNode second = out.frames().stream()
                .filter(f -> "again-1".equals(f.path("clientId").asString(null)))
                .toList()
                .getLast();
        assertThat(second.get("created").asBoolean()).isFalse();
        assertThat(second.get("messageId").asLong())
                .isEqualTo(first.get("messageId").asLong());
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void rejectsAStreamSendToAChatTheUserIsNotAMemberOfAndStoresNothing() {
        var owner = api.newUser("Хозяйка");
        long chat = api.group(owner, "Чужой чат", api.newUser("Участник"));
        var stranger = api.newUser("Посторонний");
        var out =
                StreamClient.connect(api.streamPort(stranger), stranger.token()).hello();
        await().until(out::ready);

        out.send(frame(Map.of("chatId", chat, "clientId", "intruder-1", "text", "Впустите")));

        JsonNode error = answer(out, "intruder-1");
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("code").asString()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejectsMalformedSendFramesWithAClearErrorAndKeepsTheConnection() {
        var sender = api.newUser("Ошибающийся");
        long chat = api.group(sender, "Ошибки", api.newUser("Свидетель"));
        var out = StreamClient.connect(api.streamPort(sender), sender.token()).hello();
        await().until(out::ready);

        out.send(frame(Map.of("chatId", "двенадцать", "clientId", "bad-1", "text", "x")));
        out.send(frame(Map.of("chatId", chat, "clientId", "bad-2", "text", 42)));
        out.send(frame(Map.of("chatId", chat, "clientId", "bad-3", "text", "x", "attachments", List.of("a"))));
        out.send(frame(Map.of("chatId", chat, "clientId", "bad 4!", "text", "x")));
        out.send(frame(Map.of("chatId", chat, "clientId", "bad-5", "text", "   ")));

        assertThat(answer(out, "bad-1").get("code").asString()).isEqualTo("INVALID_CHAT_ID");
        assertThat(answer(out, "bad-2").get("code").asString()).isEqualTo("INVALID_SEND_FRAME");
        assertThat(answer(out, "bad-3").get("code").asString()).isEqualTo("INVALID_SEND_FRAME");
        assertThat(answer(out, "bad 4!").get("code").asString()).isEqualTo("INVALID_CLIENT_ID");
        assertThat(answer(out, "bad-5").get("code").asString()).isEqualTo("MESSAGE_EMPTY");
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isZero();
        out.send(frame(Map.of("chatId", chat, "clientId", "good-1", "text", "Теперь правильно")));
        assertThat(answer(out, "good-1").get("type").asString()).isEqualTo("sent");
    }

    @Test
    void refusesSendsBeyondThePendingLimitAtOnceAndAnswersTheRestWhenTheChatFreesUp() throws Exception {
        var sender = api.newUser("Торопливый");
        long chat = api.group(sender, "Очередь", api.newUser("Терпеливый"));
        var out = StreamClient.connect(api.streamPort(sender), sender.token()).hello();
        await().until(out::ready);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("select 1 from chats where id = ? for update")
                    .param(chat)
                    .query(Integer.class)
                    .single();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            for (int i = 0; i < 32; i++) {
                out.send(frame(Map.of("chatId", chat, "clientId", "queued-" + i, "text", "Сообщение " + i)));
            }
            out.send(frame(Map.of("chatId", chat, "clientId", "queued-over", "text", "Лишнее")));

            JsonNode refused = answer(out, "queued-over");
            assertThat(refused.get("status").asInt()).isEqualTo(429);
            assertThat(refused.get("code").asString()).isEqualTo("TOO_MANY_PENDING_SENDS");
            assertThat(out.framesOfType("sent")).isEmpty();
        } finally {
            release.countDown();
            holder.join();
        }
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> out.framesOfType("sent").size() == 32);
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(32L);
    }
}
