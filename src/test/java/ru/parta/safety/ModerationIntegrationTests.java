package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class ModerationIntegrationTests extends SafetyTestBase {

    private String chatPath(long chat) {
        return "/api/v1/chats/" + chat;
    }

    @Test
    void aRetryOfAMessageAcceptedBeforeAMuteGetsTheOriginal() {
        long chat = api.group(d.teacher(), "Повтор после мута", d.pupil());
        var first = api.sendMessage(d.pupil(), chat, "before-mute", "До мута");
        assertThat(first.status()).isEqualTo(201);
        api.post(d.teacher(), chatPath(chat) + "/members/" + d.pupil().userId() + "/mute", Map.of("minutes", 10));

        var retry = api.sendMessage(d.pupil(), chat, "before-mute", "До мута");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(api.sendMessage(d.pupil(), chat, "after-mute", "После").code())
                .isEqualTo("MUTED");
        assertThat(api.get(d.teacher(), chatPath(chat) + "/messages").list()).hasSize(1);
    }

    @Test
    void chatAdminMutesAMemberForMinutesAndTheMemberGetsMutedWithTheEndTime() {
        long chat = api.group(d.teacher(), "Мут", d.pupil(), d.classmate());
        // a send before the mute: the chat's moderation state is now kept in memory, and the mute must still apply
        assertThat(api.sendMessage(d.pupil(), chat, id(), "До").status()).isEqualTo(201);
        var mute = api.post(
                d.teacher(), chatPath(chat) + "/members/" + d.pupil().userId() + "/mute", Map.of("minutes", 10));
        assertThat(mute.status()).as(mute.body()).isEqualTo(200);
        String until = mute.json().get("mutedUntil").asString();

        var refused = api.sendMessage(d.pupil(), chat, id(), "Привет");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("MUTED");
        assertThat(refused.json().get("mutedUntil").asString()).isEqualTo(until);
        assertThat(refused.json().get("message").asString()).contains(until);
        assertThat(api.sendMessage(d.classmate(), chat, id(), "Привет").status())
                .isEqualTo(201);

        var notAdmin = api.post(
                d.pupil(), chatPath(chat) + "/members/" + d.classmate().userId() + "/mute", Map.of("minutes", 10));
        assertThat(notAdmin.code()).isEqualTo("NOT_CHAT_ADMIN");
        var owner = api.post(
                d.teacher(), chatPath(chat) + "/members/" + d.teacher().userId() + "/mute", Map.of("minutes", 10));
        assertThat(owner.code()).isEqualTo("CANNOT_MUTE_ADMIN");
        var invalid = api.post(
                d.teacher(), chatPath(chat) + "/members/" + d.classmate().userId() + "/mute", Map.of("minutes", 0));
        assertThat(invalid.code()).isEqualTo("INVALID_MINUTES");

        assertThat(api.send(
                                d.teacher(),
                                "DELETE",
                                chatPath(chat) + "/members/" + d.pupil().userId() + "/mute",
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(api.sendMessage(d.pupil(), chat, id(), "Можно?").status()).isEqualTo(201);
        assertThat(count(
                        "select count(*) from audit_log where action = 'member.muted' and details like ?",
                        "%\"chatId\":" + chat + ",%"))
                .isEqualTo(1);
    }

    @Test
    void lessonModeMakesTheChatReadOnlyForNonAdmins() {
        long chat = api.group(d.teacher(), "Урок", d.pupil());
        assertThat(api.send(d.pupil(), "PUT", chatPath(chat) + "/lesson-mode", Map.of("on", true))
                        .code())
                .isEqualTo("NOT_CHAT_ADMIN");
        assertThat(api.sendMessage(d.pupil(), chat, id(), "До урока").status()).isEqualTo(201);
        var on = api.send(d.teacher(), "PUT", chatPath(chat) + "/lesson-mode", Map.of("on", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);

        var refused = api.sendMessage(d.pupil(), chat, id(), "Можно выйти?");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("LESSON_MODE");
        assertThat(api.sendMessage(d.teacher(), chat, id(), "Откройте учебник").status())
                .isEqualTo(201);

        api.send(d.teacher(), "PUT", chatPath(chat) + "/lesson-mode", Map.of("on", false));
        assertThat(api.sendMessage(d.pupil(), chat, id(), "Спасибо").status()).isEqualTo(201);
    }

    @Test
    void anyMemberReportsAMessageOnceAndChatAdminsSeeAndResolveReports() {
        long chat = api.group(d.teacher(), "Жалобы", d.pupil(), d.classmate());
        long bad = api.sendMessage(d.pupil(), chat, id(), "Обидные слова")
                .json()
                .get("id")
                .asLong();
        long other = api.sendMessage(d.pupil(), chat, id(), "Спорное")
                .json()
                .get("id")
                .asLong();

        var report = api.post(
                d.classmate(), chatPath(chat) + "/messages/" + bad + "/report", Map.of("reason", "Оскорбление"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        var again = api.post(d.classmate(), chatPath(chat) + "/messages/" + bad + "/report", Map.of("reason", "Ещё"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_REPORTED");
        assertThat(api.post(d.stranger(), chatPath(chat) + "/messages/" + bad + "/report", Map.of("reason", "x"))
                        .code())
                .isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.post(d.classmate(), chatPath(chat) + "/messages/" + bad + "/report", Map.of("reason", " "))
                        .code())
                .isEqualTo("INVALID_REASON");
        long second = api.post(
                        d.classmate(), chatPath(chat) + "/messages/" + other + "/report", Map.of("reason", "Спам"))
                .json()
                .get("id")
                .asLong();

        var queue = api.get(d.teacher(), "/api/v1/moderation/reports").list();
        assertThat(queue)
                .anyMatch(r -> r.get("messageId").asLong() == bad
                        && r.get("reason").asString().equals("Оскорбление")
                        && r.get("text").asString().equals("Обидные слова"));
        assertThat(api.get(d.classmate(), "/api/v1/moderation/reports").body()).doesNotContain("Оскорбление");
        assertThat(api.post(
                                d.classmate(),
                                "/api/v1/moderation/reports/"
                                        + report.json().get("id").asLong() + "/resolve",
                                Map.of("action", "DELETE"))
                        .code())
                .isEqualTo("REPORT_NOT_FOUND");

        var deleted = api.post(
                d.teacher(),
                "/api/v1/moderation/reports/" + report.json().get("id").asLong() + "/resolve",
                Map.of("action", "DELETE"));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        var dismissed =
                api.post(d.teacher(), "/api/v1/moderation/reports/" + second + "/resolve", Map.of("action", "DISMISS"));
        assertThat(dismissed.status()).isEqualTo(204);

        var history = api.get(d.classmate(), chatPath(chat) + "/messages").list();
        assertThat(history.stream()
                        .filter(m -> m.get("id").asLong() == bad)
                        .findFirst()
                        .orElseThrow()
                        .get("deleted")
                        .asBoolean())
                .isTrue();
        assertThat(history.stream()
                        .filter(m -> m.get("id").asLong() == other)
                        .findFirst()
                        .orElseThrow()
                        .get("text")
                        .asString())
                .isEqualTo("Спорное");
        assertThat(api.get(d.teacher(), "/api/v1/moderation/reports").list())
                .noneMatch(r -> r.get("chatId").asLong() == chat);
        assertThat(api.get(d.teacher(), "/api/v1/moderation/reports?all=true").list())
                .anyMatch(r -> r.get("messageId").asLong() == bad
                        && r.get("resolution").asString().equals("DELETED"));
        assertThat(count(
                        "select count(*) from audit_log where action = 'message.deleted-by-moderator' and actor_id = ?",
                        d.teacher().userId()))
                .isEqualTo(1);
    }
}
