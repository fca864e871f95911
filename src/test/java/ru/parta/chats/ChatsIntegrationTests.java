package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class ChatsIntegrationTests {

    @Autowired
    Api api;

    @Test
    void directChatIsCreatedOnceForAPair() {
        var a = api.newUser("Иванов");
        var b = api.newUser("Петрова");
        var first = api.post(a, "/api/v1/chats/direct", Map.of("userId", b.userId()));
        var second = api.post(b, "/api/v1/chats/direct", Map.of("userId", a.userId()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(first.json().get("kind").asString()).isEqualTo("DIRECT");
        assertThat(first.json().get("title").asString()).contains("Петрова");
    }

    @Test
    void ownerRenamesAddsAndRemovesMembersAndMembersCanLeave() {
        var owner = api.newUser("Владелец");
        var m1 = api.newUser("Участник1");
        var m2 = api.newUser("Участник2");
        long chat = api.group(owner, "Кружок робототехники", m1);
        var renamed = api.send(owner, "PATCH", "/api/v1/chats/" + chat, Map.of("title", "Робототехника"));
        assertThat(renamed.json().get("title").asString()).isEqualTo("Робототехника");
        var added = api.post(owner, "/api/v1/chats/" + chat + "/members", Map.of("userIds", List.of(m2.userId())));
        assertThat(added.list()).hasSize(3);
        assertThat(api.send(owner, "DELETE", "/api/v1/chats/" + chat + "/members/" + m1.userId(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(m1, "/api/v1/chats/" + chat).status()).isEqualTo(404);
        assertThat(api.post(m2, "/api/v1/chats/" + chat + "/leave", null).status())
                .isEqualTo(204);
        assertThat(api.get(owner, "/api/v1/chats/" + chat + "/members").list()).hasSize(1);
    }

    @Test
    void memberCannotRenameOrRemoveOthers() {
        var owner = api.newUser("Владелец");
        var m1 = api.newUser("Участник");
        var m2 = api.newUser("Другой");
        long chat = api.group(owner, "Группа", m1, m2);
        var rename = api.send(m1, "PATCH", "/api/v1/chats/" + chat, Map.of("title", "Моя"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(rename.code()).isEqualTo("NOT_CHAT_ADMIN");
        assertThat(api.send(m1, "DELETE", "/api/v1/chats/" + chat + "/members/" + m2.userId(), null)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(owner, "/api/v1/chats/" + chat).json().get("title").asString())
                .isEqualTo("Группа");
    }

    @Test
    void channelLetsOnlyAdminsPost() {
        var director = api.newUser("Директор");
        var parent = api.newUser("Родитель");
        var r = api.post(
                director,
                "/api/v1/chats",
                Map.of("kind", "CHANNEL", "title", "Объявления", "members", List.of(parent.userId())));
        long chat = r.json().get("id").asLong();
        assertThat(api.sendMessage(director, chat, "c1", "Завтра линейка").status())
                .isEqualTo(201);
        var refused = api.sendMessage(parent, chat, "c2", "А можно вопрос?");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("POSTING_NOT_ALLOWED");
        assertThat(api.get(parent, "/api/v1/chats/" + chat + "/messages").list())
                .hasSize(1);
    }

    @Test
    void readOnlyMemberCannotPostButCanRead() {
        var owner = api.newUser("Учитель");
        var pupil = api.newUser("Ученик");
        long chat = api.group(owner, "Урок", pupil);
        var role = api.send(
                owner,
                "PUT",
                "/api/v1/chats/" + chat + "/members/" + pupil.userId() + "/role",
                Map.of("role", "READ_ONLY"));
        assertThat(role.status()).isEqualTo(200);
        assertThat(api.sendMessage(pupil, chat, "ro-1", "Привет").status()).isEqualTo(403);
        assertThat(api.sendMessage(owner, chat, "ro-2", "Тема урока").status()).isEqualTo(201);
        assertThat(api.get(pupil, "/api/v1/chats/" + chat + "/messages").list()).hasSize(1);
    }

    @Test
    void chatListIsOrderedByActivityWithUnreadAndPreview() {
        var me = api.newUser("Я");
        var other = api.newUser("Собеседник");
        long older = api.group(me, "Старый", other);
        long newer = api.group(me, "Новый", other);
        api.sendMessage(other, newer, "p1", "Первое");
        api.sendMessage(other, older, "p2", "Свежее сообщение");
        var list = api.get(me, "/api/v1/chats").list();
        assertThat(list.get(0).get("id").asLong()).isEqualTo(older);
        assertThat(list.get(0).get("unread").asLong()).isEqualTo(1);
        assertThat(list.get(0).get("lastMessage").get("text").asString()).isEqualTo("Свежее сообщение");
        long position = list.get(0).get("lastPosition").asLong();
        assertThat(api.post(me, "/api/v1/chats/" + older + "/read", Map.of("position", position))
                        .status())
                .isEqualTo(204);
        assertThat(api.get(me, "/api/v1/chats/" + older).json().get("unread").asLong())
                .isZero();
    }

    @Test
    void ownerLeavingHandsOwnershipOver() {
        var owner = api.newUser("Уходящий");
        var next = api.newUser("Наследник");
        long chat = api.group(owner, "Клуб", next);
        api.post(owner, "/api/v1/chats/" + chat + "/leave", null);
        assertThat(api.get(next, "/api/v1/chats/" + chat).json().get("role").asString())
                .isEqualTo("OWNER");
    }

    @Test
    void unknownMembersAreRefusedAndNothingIsCreated() {
        var owner = api.newUser("Создатель");
        int before = api.get(owner, "/api/v1/chats").list().size();
        var r = api.post(
                owner, "/api/v1/chats", Map.of("kind", "GROUP", "title", "X", "members", List.of(999_999_999L)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("UNKNOWN_USERS");
        assertThat(api.get(owner, "/api/v1/chats").list()).hasSize(before);
    }
}
