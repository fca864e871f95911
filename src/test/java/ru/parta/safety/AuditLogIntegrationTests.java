package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditLogIntegrationTests extends SafetyTestBase {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    private List<JsonNode> entries(Api.Session s, long unit) {
        var r = api.get(s, "/api/v1/units/" + unit + "/audit");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.list();
    }

    @Test
    void administrativeActionsAreRecordedWithWhoWhenWhatAndAddress() {
        assertThat(api.send(d.director(), "PATCH", "/api/v1/units/" + d.schoolA(), Map.of("deadline", "2027-05-01"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(d.director(), "DELETE", "/api/v1/people/" + d.pupilPerson() + "/invitation", null)
                        .status())
                .isEqualTo(200);
        var rollover = api.post(d.director(), "/api/v1/units/" + d.schoolA() + "/rollover?dryRun=false", null);
        assertThat(rollover.status()).as(rollover.body()).isEqualTo(200);
        long chat = api.group(d.teacher(), "Удаление", d.classmate());
        assertThat(api.send(
                                d.teacher(),
                                "DELETE",
                                "/api/v1/chats/" + chat + "/members/"
                                        + d.classmate().userId(),
                                null)
                        .status())
                .isEqualTo(204);

        var log = entries(d.director(), d.schoolA());
        var settings = log.stream()
                .filter(e -> e.get("action").asString().equals("unit.settings"))
                .findFirst()
                .orElseThrow();
        assertThat(settings.get("actorId").asLong()).isEqualTo(d.director().userId());
        assertThat(settings.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(settings.get("details").asString()).contains("2027-05-01");
        assertThat(settings.get("at").asString()).isNotBlank();
        assertThat(log.stream().map(e -> e.get("action").asString())).contains("invitation.revoked", "school.rollover");
        assertThat(count(
                        "select count(*) from audit_log where action = 'member.removed' and actor_id = ?",
                        d.teacher().userId()))
                .isEqualTo(1);
    }

    @Test
    void rosterImportsAndUnitCreationAreRecorded() throws Exception {
        var created = api.post(
                d.systemAdmin(),
                "/api/v1/units",
                Map.of("parentId", d.department(), "kind", "SCHOOL", "name", "Школа импорта"));
        long school = created.json().get("id").asLong();
        byte[] roster =
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/rosters/roster-sample.csv"));
        var imported = api.upload(d.systemAdmin(), "/api/v1/units/" + school + "/roster?dryRun=false", "r.csv", roster);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        api.upload(d.systemAdmin(), "/api/v1/units/" + school + "/roster?dryRun=true", "dry.csv", roster);

        var log = entries(d.departmentStaff(), school);
        assertThat(log.stream().map(e -> e.get("action").asString()))
                .containsExactly("roster.imported", "unit.created");
        assertThat(log.getFirst().get("details").asString()).contains("r.csv");
        assertThat(log.getFirst().get("actorId").asLong())
                .isEqualTo(d.systemAdmin().userId());
    }

    @Test
    void directorReadsTheirSchoolDepartmentStaffTheirSchoolsOthersNot() {
        api.send(d.director(), "PATCH", "/api/v1/units/" + d.schoolA(), Map.of("timeZone", "Europe/Moscow"));
        assertThat(entries(d.departmentStaff(), d.schoolA())).isNotEmpty();
        assertThat(entries(d.systemAdmin(), d.schoolA())).isNotEmpty();
        assertThat(api.get(d.otherDirector(), "/api/v1/units/" + d.schoolA() + "/audit")
                        .status())
                .isEqualTo(404);
        assertThat(api.get(d.teacher(), "/api/v1/units/" + d.schoolA() + "/audit")
                        .status())
                .isEqualTo(404);
        var deputy = api.get(d.deputy(), "/api/v1/units/" + d.schoolA() + "/audit");
        assertThat(deputy.status()).isEqualTo(403);
        assertThat(deputy.code()).isEqualTo("AUDIT_NOT_ALLOWED");
        assertThat(entries(d.otherDirector(), d.schoolB()))
                .noneMatch(e -> e.get("unitId").asLong() == d.schoolA());
    }

    @Test
    void theLogIsAppendOnlyAndHashChainedSoTamperingIsDetected() {
        audit.record(d.director().userId(), d.schoolA(), "test.entry", Map.of("n", 1));
        long id = count("select max(id) from audit_log");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set action = 'x' where id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("delete from audit_log where id = ?").param(id).update())
                .hasMessageContaining("append-only");

        var verify = api.get(d.systemAdmin(), "/api/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        assertThat(verify.json().get("entries").asLong()).isPositive();
        assertThat(api.get(d.director(), "/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(api.get(d.teacher(), "/api/v1/audit/verify").code()).isEqualTo("AUDIT_NOT_ALLOWED");

        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update")
                    .update();
            jdbc.sql("update audit_log set details = '{\"n\":2}' where id = ?")
                    .param(id)
                    .update();
            var tampered = audit.verify();
            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.brokenAt()).isEqualTo(id);
            status.setRollbackOnly();
        });
        assertThat(audit.verify().valid()).isTrue();
    }
}
