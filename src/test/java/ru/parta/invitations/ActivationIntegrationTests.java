package ru.parta.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ActivationIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    Api.Session admin;
    long classId;
    List<JsonNode> invitations;

    @BeforeEach
    void school() throws Exception {
        admin = api.newUser("Сисадмин", true);
        long school = api.sampleDistrict(admin).school();
        classId = api.get(admin, "/api/v1/units/" + school)
                .json()
                .get("children")
                .valueStream()
                .filter(u -> u.get("name").asString().equals("5А"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        invitations = api.post(admin, "/api/v1/units/" + classId + "/invitations", null)
                .list();
    }

    private JsonNode invitation(String role, int index) {
        return invitations.stream()
                .filter(i -> i.get("role").asString().contains(role))
                .skip(index)
                .findFirst()
                .orElseThrow();
    }

    private Api.Response activate(Api.Session as, String code, String login, Boolean consent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "login", login, "password", "secret-pass-1"));
        if (consent != null) {
            body.put("consent", consent);
        }
        return api.post(as, "/api/v1/activation", body);
    }

    @Test
    void everyoneOfTheClassGetsALiveCode() {
        assertThat(invitations).isNotEmpty();
        assertThat(invitations).allSatisfy(i -> {
            assertThat(i.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(i.get("code").asString()).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
        });
        var again = api.post(admin, "/api/v1/units/" + classId + "/invitations", null)
                .list();
        assertThat(again)
                .extracting(i -> i.get("code").asString())
                .containsExactlyElementsOf(
                        invitations.stream().map(i -> i.get("code").asString()).toList());
    }

    @Test
    void guardianActivatesThenActivatesTheirYoungChildWithConsent() {
        var guardianInvitation = invitation("GUARDIAN", 0);
        String login = "parent-" + System.nanoTime();
        var created = activate(null, guardianInvitation.get("code").asString().toLowerCase(), login, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var guardian = api.login(login, created.json().get("id").asLong(), "secret-pass-1");
        assertThat(api.get(guardian, "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("5А — родители", "Объявления школы");

        long childId = jdbc.sql("select child_id from guardianships where guardian_id = ?")
                .param(guardianInvitation.get("personId").asLong())
                .query(Long.class)
                .list()
                .getFirst();
        String childCode = invitations.stream()
                .filter(i -> i.get("personId").asLong() == childId)
                .findFirst()
                .orElseThrow()
                .get("code")
                .asString();
        assertThat(activate(null, childCode, "kid-" + System.nanoTime(), true).code())
                .isEqualTo("GUARDIAN_REQUIRED");
        var stranger = api.newUser("Посторонний");
        assertThat(activate(stranger, childCode, "kid-" + System.nanoTime(), true)
                        .code())
                .isEqualTo("GUARDIAN_REQUIRED");
        assertThat(activate(guardian, childCode, "kid-" + System.nanoTime(), false)
                        .code())
                .isEqualTo("CONSENT_REQUIRED");
        String kidLogin = "kid-" + System.nanoTime();
        var kid = activate(guardian, childCode, kidLogin, true);
        assertThat(kid.status()).as(kid.body()).isEqualTo(201);
        assertThat(jdbc.sql("select text_version from consents where child_person_id = ?")
                        .param(childId)
                        .query(String.class)
                        .list())
                .containsExactly("2026-1");
        var pupil = api.login(kidLogin, kid.json().get("id").asLong(), "secret-pass-1");
        assertThat(api.get(pupil, "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("5А — класс");
        assertThat(activate(guardian, childCode, "again-" + System.nanoTime(), true)
                        .code())
                .isEqualTo("CODE_INVALID");
    }

    @Test
    void reissueInvalidatesTheOldCodeAndRevokeStopsIt() {
        var inv = invitation("GUARDIAN", 1);
        var fresh = api.post(admin, "/api/v1/people/" + inv.get("personId").asLong() + "/invitation", null)
                .json();
        assertThat(fresh.get("code").asString()).isNotEqualTo(inv.get("code").asString());
        assertThat(api.post(
                                null,
                                "/api/v1/activation/check",
                                Map.of("code", inv.get("code").asString()))
                        .code())
                .isEqualTo("CODE_INVALID");
        assertThat(api.post(
                                null,
                                "/api/v1/activation/check",
                                Map.of("code", fresh.get("code").asString()))
                        .status())
                .isEqualTo(200);
        var revoked = api.send(
                admin, "DELETE", "/api/v1/people/" + inv.get("personId").asLong() + "/invitation", null);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(activate(null, fresh.get("code").asString(), "rv-" + System.nanoTime(), null)
                        .code())
                .isEqualTo("CODE_INVALID");
    }

    @Test
    void printsSheetsWithEveryLiveCode() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        api.base() + "/api/v1/units/" + classId + "/invitations.pdf"))
                                .header("Authorization", "Bearer " + admin.token())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo((invitations.size() + 3) / 4);
            for (JsonNode i : invitations) {
                assertThat(text).contains(i.get("code").asString());
            }
            assertThat(text).contains("Родитель ученика:").contains("Ученик 5А");
        }
        var stranger = api.newUser("Любопытный");
        assertThat(api.get(stranger, "/api/v1/units/" + classId + "/invitations.pdf")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void strangersCannotListOrIssueCodes() {
        var stranger = api.newUser("Чужак");
        assertThat(api.get(stranger, "/api/v1/units/" + classId + "/invitations")
                        .code())
                .isEqualTo("UNIT_NOT_FOUND");
        assertThat(api.post(
                                stranger,
                                "/api/v1/people/"
                                        + invitation("PUPIL", 0).get("personId").asLong() + "/invitation",
                                null)
                        .code())
                .isEqualTo("PERSON_NOT_FOUND");
    }

    @Test
    void weakPasswordIsRefusedAndTheCodeStaysUsable() {
        var inv = invitation("GUARDIAN", 2);
        var weak = api.post(
                null, "/api/v1/activation", Map.of("code", inv.get("code").asString(), "password", "123"));
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
        assertThat(activate(null, inv.get("code").asString(), "ok-" + System.nanoTime(), null)
                        .status())
                .isEqualTo(201);
    }
}
