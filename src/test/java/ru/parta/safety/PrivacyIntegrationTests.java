package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.organizations.PersonRole;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class PrivacyIntegrationTests extends SafetyTestBase {

    @Test
    void exportHasProfileRosteredRolesAndOwnMessagesAsAJsonDownload() {
        long chat = api.group(d.teacher(), "Экспорт", d.pupil());
        api.sendMessage(d.pupil(), chat, id(), "Моё сообщение для выгрузки");
        api.sendMessage(d.teacher(), chat, id(), "Чужое сообщение");

        var r = api.get(d.pupil(), "/api/v1/me/export");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var json = r.json();
        assertThat(json.get("profile").get("id").asLong()).isEqualTo(d.pupil().userId());
        assertThat(json.get("profile").get("phone").asString()).startsWith("+79");
        assertThat(json.get("rostered").toString()).contains("PUPIL").contains("5А");
        assertThat(json.get("messages").toString())
                .contains("Моё сообщение для выгрузки")
                .doesNotContain("Чужое сообщение");
        assertThat(count(
                        "select count(*) from audit_log where action = 'person.exported' and actor_id = ?",
                        d.pupil().userId()))
                .isPositive();
    }

    @Test
    void erasureByThePersonAnonymisesRevokesSessionsLeavesChatsAndKeepsMessagesReadable() {
        var parent = fixture.person(d.schoolA(), "Стиралкина", d.classA5(), PersonRole.GUARDIAN);
        long chat = api.group(d.teacher(), "Родители 5А", parent.session());
        long message = api.sendMessage(parent.session(), chat, id(), "Спасибо за собрание")
                .json()
                .get("id")
                .asLong();

        var wrong = api.send(parent.session(), "DELETE", "/api/v1/me", Map.of("password", "not-my-password"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");
        assertThat(api.get(parent.session(), "/api/v1/me").status()).isEqualTo(200);

        var erased =
                api.send(parent.session(), "DELETE", "/api/v1/me", Map.of("password", ru.parta.support.Api.PASSWORD));
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        assertThat(api.get(parent.session(), "/api/v1/me").status()).isEqualTo(401);
        assertThat(api.post(
                                null,
                                "/api/v1/auth/login",
                                Map.of("login", parent.session().login(), "password", ru.parta.support.Api.PASSWORD))
                        .status())
                .isEqualTo(401);
        var preview = api.get(d.teacher(), "/api/v1/chats/" + chat).json().get("lastMessage");
        assertThat(preview.get("senderName").asString()).isEqualTo("Удалённый пользователь");
        assertThat(jdbc.sql("select count(*) from users where id = ? and phone is null and email is null and disabled")
                        .param(parent.session().userId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get(d.teacher(), "/api/v1/chats/" + chat + "/members").list())
                .noneMatch(m -> m.get("userId").asLong() == parent.session().userId());
        var kept = api.get(d.teacher(), "/api/v1/chats/" + chat + "/messages").list().stream()
                .filter(m -> m.get("id").asLong() == message)
                .findFirst()
                .orElseThrow();
        assertThat(kept.get("text").asString()).isEqualTo("Спасибо за собрание");
        var person = people.find(parent.personId()).orElseThrow();
        assertThat(person.fullName()).isEqualTo("Удалённый пользователь");
        assertThat(person.phone()).isNull();
        assertThat(person.archived()).isTrue();
        assertThat(count("select count(*) from audit_log where action = 'person.erased' and unit_id = ?", d.schoolA()))
                .isPositive();
    }

    @Test
    void systemAdminMayEraseAnyoneOthersMayNot() {
        var pupil = fixture.person(d.schoolA(), "Удаляев", d.classA5(), PersonRole.PUPIL);
        var refused = api.send(
                d.director(), "DELETE", "/api/v1/admin/users/" + pupil.session().userId(), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ADMIN_ONLY");
        assertThat(api.get(pupil.session(), "/api/v1/me").status()).isEqualTo(200);

        var erased = api.send(
                d.systemAdmin(),
                "DELETE",
                "/api/v1/admin/users/" + pupil.session().userId(),
                null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(api.get(pupil.session(), "/api/v1/me").status()).isEqualTo(401);
        assertThat(people.find(pupil.personId()).orElseThrow().surname()).isEqualTo("Удалённый");
    }
}
