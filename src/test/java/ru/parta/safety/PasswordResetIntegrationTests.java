package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.IntegrationTest;

/**
 * Password reset by an administrator who manages the person: the code is issued and used once, the new password must
 * be strong, the person is signed out everywhere, both steps are audited, and guessing codes backs off.
 */
@IntegrationTest
class PasswordResetIntegrationTests extends SafetyTestBase {

    @Test
    void managerIssuesAOneTimeCodeThePersonSetsAStrongPasswordAndIsSignedOutEverywhere() {
        String path = "/api/v1/people/" + d.pupilPerson() + "/password-reset";
        assertThat(api.post(d.teacher(), path, Map.of()).code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(api.post(d.otherDirector(), path, Map.of()).code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(api.post(d.classTeacher(), path, Map.of()).status()).isEqualTo(404);
        var issued = api.post(d.director(), path, Map.of());
        assertThat(issued.status()).isEqualTo(201);
        String code = issued.json().get("code").asString();
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        long audited = count(
                "select count(*) from audit_log where action = 'password.reset-issued' and actor_id = ?",
                d.director().userId());
        assertThat(audited).isEqualTo(1);

        var weak = api.post(null, "/api/v1/password-reset", Map.of("code", code, "password", "password1"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("BREACHED_PASSWORD");
        assertThat(api.get(d.pupil(), "/api/v1/me").status())
                .as("nothing changed yet")
                .isEqualTo(200);

        var done = api.post(
                null, "/api/v1/password-reset", Map.of("code", code.toLowerCase(), "password", "ёлки-палки-42"));
        assertThat(done.status()).isEqualTo(204);
        assertThat(api.get(d.pupil(), "/api/v1/me").status()).isEqualTo(401);
        assertThat(api.login(d.pupil().login(), d.pupil().userId(), "ёлки-палки-42")
                        .userId())
                .isEqualTo(d.pupil().userId());
        assertThat(count(
                        "select count(*) from audit_log where action = 'password.reset-used' and actor_id = ?",
                        d.pupil().userId()))
                .isEqualTo(1);

        var again = api.post(null, "/api/v1/password-reset", Map.of("code", code, "password", "другой-пароль-7"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("RESET_CODE_INVALID");

        // Guessing: past ten wrong codes from one address (the used code above was the first), a back-off even for
        // a right one.
        var fresh = api.post(d.director(), path, Map.of()).json().get("code").asString();
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(null, "/api/v1/password-reset", Map.of("code", "WRONG-" + i, "password", "x-y-z-w-1"))
                            .code())
                    .isEqualTo("RESET_CODE_INVALID");
        }
        var blocked = api.post(null, "/api/v1/password-reset", Map.of("code", fresh, "password", "другой-пароль-7"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void aManagersPasswordIsResetOnlyFromTheLevelAbove() {
        var director =
                fixture.person(d.schoolA(), "Директорова", d.schoolA(), ru.parta.organizations.PersonRole.DIRECTOR);
        String path = "/api/v1/people/" + director.personId() + "/password-reset";
        var bySchoolAdmin = api.post(d.schoolAdmin(), path, Map.of());
        assertThat(bySchoolAdmin.status()).isEqualTo(403);
        assertThat(bySchoolAdmin.code()).isEqualTo("RESET_NOT_ALLOWED");
        assertThat(api.post(d.director(), path, Map.of()).code()).isEqualTo("RESET_NOT_ALLOWED");
        assertThat(api.post(d.departmentStaff(), path, Map.of()).status()).isEqualTo(201);
        assertThat(api.post(d.systemAdmin(), path, Map.of()).status()).isEqualTo(201);
    }

    @Test
    void uploadStartsArePerUserRateLimitedWithRetryAfter() {
        var owner = fixture.account("Загрузчик");
        long chat = api.group(owner, "Загрузки");
        for (int i = 0; i < 60; i++) {
            assertThat(api.post(owner, "/api/v1/uploads", Map.of("chatId", chat, "fileName", "a.txt", "size", 10))
                            .status())
                    .isEqualTo(201);
        }
        // Past the allowance the waits start at one second and double: within a few quick tries one is refused.
        RawHttp.Answer refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            var answer = new RawHttp(api.base())
                    .json(
                            "POST",
                            "/api/v1/uploads",
                            owner.token(),
                            "{\"chatId\":" + chat + ",\"fileName\":\"a\",\"size\":1}");
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertThat(answer.status()).isEqualTo(201);
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.isApiError()).isTrue();
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.retryAfter()).isPresent();
        var other = fixture.account("Другой");
        long otherChat = api.group(other, "Свои");
        assertThat(api.post(other, "/api/v1/uploads", Map.of("chatId", otherChat, "fileName", "a.txt", "size", 10))
                        .status())
                .isEqualTo(201);
    }
}
