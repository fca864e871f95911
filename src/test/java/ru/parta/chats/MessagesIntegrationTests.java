package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class MessagesIntegrationTests {

    @Autowired
    Api api;

    @Test
    void keepsCyrillicAndEmojiIntact() {
        var a = api.newUser("Автор");
        long chat = api.group(a, "Тест");
        String text = "Привет, мир! Ёжик 🦔 и 👩‍👩‍👧 — «кавычки»";
        var r = api.sendMessage(a, chat, "emoji-1", text);
        assertThat(r.status()).isEqualTo(201);
        assertThat(api.get(a, "/api/v1/chats/" + chat + "/messages")
                        .list()
                        .getLast()
                        .get("text")
                        .asString())
                .isEqualTo(text);
    }

    @Test
    void refusesTooLongAndEmptyMessages() {
        var a = api.newUser("Автор");
        long chat = api.group(a, "Тест");
        var tooLong = api.sendMessage(a, chat, "long-1", "я".repeat(4001));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("MESSAGE_TOO_LONG");
        assertThat(api.sendMessage(a, chat, "long-2", "😀".repeat(4000)).status())
                .isEqualTo(201);
        assertThat(api.sendMessage(a, chat, "empty", "   ").code()).isEqualTo("MESSAGE_EMPTY");
        assertThat(api.get(a, "/api/v1/chats/" + chat + "/messages").list()).hasSize(1);
    }

    @Test
    void replyEditDeletePinAndReact() {
        var a = api.newUser("Первый");
        var b = api.newUser("Второй");
        long chat = api.group(a, "Беседа", b);
        long first = api.sendMessage(a, chat, "m1", "Вопрос").json().get("id").asLong();
        var reply = api.post(
                b, "/api/v1/chats/" + chat + "/messages", Map.of("clientId", "m2", "text", "Ответ", "replyTo", first));
        assertThat(reply.json().get("replyTo").asLong()).isEqualTo(first);

        var notMine = api.send(b, "PATCH", "/api/v1/chats/" + chat + "/messages/" + first, Map.of("text", "взлом"));
        assertThat(notMine.code()).isEqualTo("NOT_MESSAGE_AUTHOR");
        var edited = api.send(
                a, "PATCH", "/api/v1/chats/" + chat + "/messages/" + first, Map.of("text", "Вопрос (исправлен)"));
        assertThat(edited.json().get("editedAt").isNull()).isFalse();

        var react = api.post(b, "/api/v1/chats/" + chat + "/messages/" + first + "/reactions", Map.of("emoji", "👍"));
        assertThat(react.json().get("reactions").get("👍").get(0).asLong()).isEqualTo(b.userId());
        assertThat(api.post(b, "/api/v1/chats/" + chat + "/messages/" + first + "/reactions", Map.of("emoji", "🍺"))
                        .code())
                .isEqualTo("UNKNOWN_REACTION");

        assertThat(api.send(a, "PUT", "/api/v1/chats/" + chat + "/messages/" + first + "/pin", null)
                        .json()
                        .get("pinned")
                        .asBoolean())
                .isTrue();
        assertThat(api.get(b, "/api/v1/chats/" + chat + "/pinned").list()).hasSize(1);

        var deleted = api.send(a, "DELETE", "/api/v1/chats/" + chat + "/messages/" + first, null);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        var history = api.get(b, "/api/v1/chats/" + chat + "/messages").list();
        assertThat(history.getFirst().get("deleted").asBoolean()).isTrue();
        assertThat(history.getFirst().has("text")).isFalse();
        assertThat(history.getFirst().get("reactions").isEmpty()).isTrue();
    }

    @Test
    void mentionsKeepOnlyMembers() {
        var a = api.newUser("Упоминающий");
        var b = api.newUser("Упомянутый");
        var stranger = api.newUser("Посторонний");
        long chat = api.group(a, "Упоминания", b);
        var r = api.post(
                a,
                "/api/v1/chats/" + chat + "/messages",
                Map.of(
                        "clientId",
                        "men-1",
                        "text",
                        "@Упомянутый привет",
                        "mentions",
                        List.of(b.userId(), stranger.userId())));
        assertThat(r.json().get("mentions").size()).isEqualTo(1);
        assertThat(r.json().get("mentions").get(0).asLong()).isEqualTo(b.userId());
    }

    @Test
    void pagesHistoryBackwardsAndForwardsFromAPosition() {
        var a = api.newUser("Листающий");
        long chat = api.group(a, "История");
        for (int i = 1; i <= 12; i++) {
            api.sendMessage(a, chat, "h-" + i, "Сообщение " + i);
        }
        var last5 = api.get(a, "/api/v1/chats/" + chat + "/messages?limit=5").list();
        assertThat(last5)
                .extracting(m -> m.get("text").asString())
                .containsExactly("Сообщение 8", "Сообщение 9", "Сообщение 10", "Сообщение 11", "Сообщение 12");
        long oldest = last5.getFirst().get("position").asLong();
        var before = api.get(a, "/api/v1/chats/" + chat + "/messages?limit=3&before=" + oldest)
                .list();
        assertThat(before)
                .extracting(m -> m.get("text").asString())
                .containsExactly("Сообщение 5", "Сообщение 6", "Сообщение 7");
        long p = before.getFirst().get("position").asLong();
        var after = api.get(a, "/api/v1/chats/" + chat + "/messages?limit=2&after=" + p)
                .list();
        assertThat(after).extracting(m -> m.get("text").asString()).containsExactly("Сообщение 6", "Сообщение 7");
    }

    @Test
    void readReceiptsShowEachMembersPosition() {
        var a = api.newUser("Писатель");
        var b = api.newUser("Читатель");
        long chat = api.group(a, "Прочтение", b);
        long position = api.sendMessage(a, chat, "rr-1", "Прочти")
                .json()
                .get("position")
                .asLong();
        api.post(b, "/api/v1/chats/" + chat + "/read", Map.of("position", position));
        var members = api.get(a, "/api/v1/chats/" + chat + "/members").list();
        var reader = members.stream()
                .filter(m -> m.get("userId").asLong() == b.userId())
                .findFirst()
                .orElseThrow();
        assertThat(reader.get("readPosition").asLong()).isEqualTo(position);
        assertThat(api.post(b, "/api/v1/chats/" + chat + "/read", Map.of("position", position + 1000))
                        .code())
                .isEqualTo("INVALID_POSITION");
    }

    @Test
    void searchFindsRussianWordFormsOnlyInOwnChats() {
        var a = api.newUser("Искатель");
        var outsider = api.newUser("Чужак");
        long chat = api.group(a, "Поиск");
        long other = api.group(outsider, "Закрытый");
        api.sendMessage(a, chat, "s1", "Учитель задал домашнее задание");
        api.sendMessage(a, chat, "s2", "Ёлка в актовом зале");
        api.sendMessage(outsider, other, "s3", "Учителя собрались на совет");
        var found = api.get(a, "/api/v1/search?q=учителя").list();
        assertThat(found).extracting(m -> m.get("text").asString()).containsExactly("Учитель задал домашнее задание");
        assertThat(api.get(a, "/api/v1/search?q=елки").list())
                .extracting(m -> m.get("text").asString())
                .containsExactly("Ёлка в актовом зале");
        assertThat(api.get(outsider, "/api/v1/search?q=учитель").list())
                .extracting(m -> m.get("text").asString())
                .containsExactly("Учителя собрались на совет");
        assertThat(api.get(outsider, "/api/v1/search?q=учитель&chatId=" + chat).code())
                .isEqualTo("CHAT_NOT_FOUND");
    }
}
