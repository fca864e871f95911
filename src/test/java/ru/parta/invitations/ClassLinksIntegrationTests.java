package ru.parta.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class ClassLinksIntegrationTests {

    @Autowired
    Api api;

    @Test
    void pupilJoinsOnlyAfterTheClassTeacherApproves() {
        var admin = api.newUser("Админ", true);
        long classId = classIn(admin, "Школа", "7В");
        var link = api.post(
                        admin,
                        "/api/v1/units/" + classId + "/links",
                        Map.of("role", "PUPIL", "requiresApproval", false))
                .json();
        assertThat(link.get("requiresApproval").asBoolean())
                .as("pupil links always need approval")
                .isTrue();
        String token = link.get("token").asString();
        assertThat(api.get(null, "/api/v1/join/" + token)
                        .json()
                        .get("className")
                        .asString())
                .isEqualTo("7В");

        var pupil = api.newUser("Новичок");
        var request = api.post(pupil, "/api/v1/join/" + token, Map.of()).json();
        assertThat(request.get("status").asString()).isEqualTo("PENDING");
        assertThat(api.get(pupil, "/api/v1/chats").list()).isEmpty();

        var stranger = api.newUser("Чужой");
        assertThat(api.get(stranger, "/api/v1/units/" + classId + "/join-requests")
                        .code())
                .isEqualTo("UNIT_NOT_FOUND");
        assertThat(api.post(
                                stranger,
                                "/api/v1/join-requests/" + request.get("id").asLong() + "/approve",
                                null)
                        .code())
                .isEqualTo("JOIN_REQUEST_NOT_FOUND");

        assertThat(api.get(admin, "/api/v1/units/" + classId + "/join-requests").list())
                .hasSize(1);
        var approved = api.post(
                        admin, "/api/v1/join-requests/" + request.get("id").asLong() + "/approve", null)
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(api.get(pupil, "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("7В — класс", "Объявления школы");
        assertThat(api.post(admin, "/api/v1/join-requests/" + request.get("id").asLong() + "/reject", null)
                        .code())
                .isEqualTo("JOIN_REQUEST_DECIDED");
    }

    @Test
    void guardianLinkWithoutApprovalJoinsAtOnceAndBadTokensAreRefused() {
        var admin = api.newUser("Админ", true);
        long classId = classIn(admin, "Школа 2", "2Б");
        String token = api.post(
                        admin,
                        "/api/v1/units/" + classId + "/links",
                        Map.of("role", "GUARDIAN", "requiresApproval", false))
                .json()
                .get("token")
                .asString();
        var parent = api.newUser("Родительница");
        assertThat(api.post(parent, "/api/v1/join/" + token, Map.of("childName", "Иванов Петя"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(api.get(parent, "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("2Б — родители");
        assertThat(api.get(null, "/api/v1/join/nonsense").code()).isEqualTo("LINK_INVALID");
        assertThat(api.post(admin, "/api/v1/units/" + classId + "/links", Map.of("role", "DIRECTOR"))
                        .code())
                .isEqualTo("LINK_ROLE_INVALID");
    }

    private long classIn(Api.Session admin, String schoolName, String className) {
        long school = api.district(admin, schoolName).school();
        return api.post(admin, "/api/v1/units", Map.of("parentId", school, "kind", "CLASS", "name", className))
                .json()
                .get("id")
                .asLong();
    }
}
