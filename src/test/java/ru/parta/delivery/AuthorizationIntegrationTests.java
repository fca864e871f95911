package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

/** A non-member can do nothing with a chat and learns nothing about it: every refusal looks like "no such chat". */
@IntegrationTest
class AuthorizationIntegrationTests {

    @Autowired
    Api api;

    @Test
    void nonMemberCannotReadWriteSearchListMembersOrReceiveEvents() {
        var member = api.newUser("Член");
        var outsider = api.newUser("Посторонний");
        long chat = api.group(member, "Закрытый класс");
        long messageId = api.sendMessage(member, chat, "secret-1", "Секретная контрольная")
                .json()
                .get("id")
                .asLong();
        String base = "/api/v1/chats/" + chat;

        assertThat(api.get(outsider, base).code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.get(outsider, base + "/messages").code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.get(outsider, base + "/members").code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.get(outsider, base + "/pinned").code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.sendMessage(outsider, chat, "intrude", "Я тут").code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.post(outsider, base + "/messages/" + messageId + "/reactions", Map.of("emoji", "👍"))
                        .code())
                .isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.send(outsider, "DELETE", base + "/messages/" + messageId, null)
                        .code())
                .isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.post(outsider, base + "/members", Map.of("userIds", java.util.List.of(outsider.userId())))
                        .code())
                .isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.get(outsider, "/api/v1/search?q=контрольная").list()).isEmpty();

        var sync = api.post(outsider, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), 0)));
        assertThat(sync.json().get("events").isEmpty()).isTrue();
        assertThat(sync.json().get("cursors").has(String.valueOf(chat))).isFalse();

        var stream =
                StreamClient.connect(api.streamPort(outsider), outsider.token()).hello(Map.of(chat, 0L));
        await().until(stream::ready);
        api.sendMessage(member, chat, "secret-2", "Ответы на контрольную");
        var own = api.group(outsider, "Свой чат");
        api.sendMessage(outsider, own, "mine", "Моё");
        await().until(() -> !stream.positions(own).isEmpty());
        assertThat(stream.positions(chat)).isEmpty();
        assertThat(api.get(member, base + "/messages").list()).hasSize(2);
    }

    @Test
    void removedMemberStopsReceivingAndCannotReadHistory() {
        var owner = api.newUser("Учитель");
        var leaver = api.newUser("Выбывший");
        long chat = api.group(owner, "Класс", leaver);
        var stream =
                StreamClient.connect(api.streamPort(leaver), leaver.token()).hello();
        await().until(stream::ready);
        api.send(owner, "DELETE", "/api/v1/chats/" + chat + "/members/" + leaver.userId(), null);
        await().until(() -> !stream.events("member.removed").isEmpty());
        api.sendMessage(owner, chat, "after-removal", "Уже без него");
        api.sendMessage(owner, api.group(owner, "Маркер", leaver), "marker", "Маркер");
        await().until(() -> stream.events("message.new").size() == 1);
        assertThat(stream.events("message.new")
                        .getFirst()
                        .get("data")
                        .get("message")
                        .get("text")
                        .asString())
                .isEqualTo("Маркер");
        assertThat(api.get(leaver, "/api/v1/chats/" + chat + "/messages").code())
                .isEqualTo("CHAT_NOT_FOUND");
        var resumed =
                StreamClient.connect(api.streamPort(leaver), leaver.token()).hello(Map.of(chat, 0L));
        await().until(resumed::ready);
        assertThat(api.post(leaver, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), 0)))
                        .json()
                        .get("events")
                        .toString())
                .doesNotContain("Уже без него");
    }
}
