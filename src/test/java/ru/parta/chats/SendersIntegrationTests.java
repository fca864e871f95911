package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * The checks before a send read who may send from memory ({@link Senders}); every membership change must still hold
 * for the very next send, and a stale answer must never let a former member post.
 */
@IntegrationTest
class SendersIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private static String path(long chat) {
        return "/api/v1/chats/" + chat;
    }

    private long messages(long chat) {
        return jdbc.sql("select count(*) from messages where chat_id = ?")
                .param(chat)
                .query(Long.class)
                .single();
    }

    @Test
    void aRoleTakenAwayHoldsForTheVeryNextSend() {
        var teacher = api.newUser("Учитель");
        var pupil = api.newUser("Ученик");
        long chat = api.group(teacher, "Урок", pupil);
        assertThat(api.sendMessage(pupil, chat, "before", "Можно?").status()).isEqualTo(201);
        api.send(teacher, "PUT", path(chat) + "/members/" + pupil.userId() + "/role", Map.of("role", "READ_ONLY"));

        var refused = api.sendMessage(pupil, chat, "after", "А теперь?");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("POSTING_NOT_ALLOWED");
        assertThat(messages(chat)).isEqualTo(1);
    }

    @Test
    void aMemberAddedCanSendAtOnceAndOneRemovedIsRefusedAtOnce() {
        var owner = api.newUser("Владелец");
        var member = api.newUser("Участник");
        var newcomer = api.newUser("Новичок");
        long chat = api.group(owner, "Кружок", member);
        assertThat(api.sendMessage(member, chat, "m1", "Привет").status()).isEqualTo(201);
        assertThat(api.sendMessage(newcomer, chat, "n1", "Можно к вам?").status())
                .isEqualTo(404);

        api.post(owner, path(chat) + "/members", Map.of("userIds", List.of(newcomer.userId())));
        assertThat(api.sendMessage(newcomer, chat, "n2", "Я с вами").status()).isEqualTo(201);

        api.send(owner, "DELETE", path(chat) + "/members/" + member.userId(), null);
        assertThat(api.sendMessage(member, chat, "m2", "А я?").status()).isEqualTo(404);
        assertThat(messages(chat)).isEqualTo(2);
    }

    @Test
    void aStaleAnswerNeverLetsAFormerMemberPost() {
        var owner = api.newUser("Владелец");
        var member = api.newUser("Бывший");
        long chat = api.group(owner, "Без кэша", member);
        assertThat(api.sendMessage(member, chat, "s1", "Ещё участник").status()).isEqualTo(201);
        // removed behind the application's back: the kept answer still says "member"
        jdbc.sql("delete from chat_members where chat_id = ? and user_id = ?")
                .params(chat, member.userId())
                .update();

        var refused = api.sendMessage(member, chat, "s2", "Уже нет");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(messages(chat)).isEqualTo(1);
        assertThat(api.sendMessage(owner, chat, "o1", "Работает").status()).isEqualTo(201);
    }
}
