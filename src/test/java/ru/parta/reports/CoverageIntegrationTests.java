package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CoverageIntegrationTests extends CoverageFixture {

    private static JsonNode role(JsonNode report, String role) {
        for (JsonNode line : report.get("roles")) {
            if (line.get("role").asString().equals(role)) {
                return line.get("counts");
            }
        }
        throw new AssertionError(role);
    }

    private static List<Integer> counts(JsonNode c) {
        return List.of(
                c.get("rostered").asInt(),
                c.get("activated").asInt(),
                c.get("connected").asInt(),
                c.get("active7d").asInt());
    }

    @Test
    void countsConnectionPerRoleUnitAndPersonAndKeepsHistoryAndExports() throws Exception {
        var pupils5a = of("5А", "Ученик");
        var guardians5a = of("5А", "Родитель");
        var classTeacher = activate(of("5А", "Классный руководитель").getFirst());
        var p1 = activate(pupils5a.get(0));
        activate(pupils5a.get(1));
        var p3 = activate(pupils5a.get(2));
        activate(guardians5a.get(0));
        activateSilently(guardians5a.get(1));
        activate(withRole("Учитель").getFirst());
        var director = activate(withRole("Директор").getFirst());
        invitation(pupils5a.get(3), "ACTIVE", "7 days");
        invitation(pupils5a.get(4), "ACTIVE", "-1 day");
        invitation(pupils5a.get(5), "REVOKED", "7 days");
        importRoster(); // syncs the generated chats with the new accounts

        long class5a = unitId(school, "5А");
        long classChat = jdbc.sql("select id from chats where generated_unit_id = ? and generated_kind = 'CLASS'")
                .param(class5a)
                .query(Long.class)
                .single();
        var removed = api.send(classTeacher, "DELETE", "/api/v1/chats/" + classChat + "/members/" + p3.userId(), null);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.sendMessage(p1, classChat, "hello-1", "Здравствуйте").status())
                .isIn(200, 201);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        assertThat(api.send(admin, "PATCH", "/api/v1/units/" + department, Map.of("deadline", today.plusDays(10)))
                        .status())
                .isEqualTo(200);

        var r = api.get(director, "/api/v1/units/" + school + "/coverage");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        int guardiansRostered = (int) withRole("Родитель").stream()
                .map(g -> g[1] + g[2] + g[3])
                .distinct()
                .count();
        assertThat(counts(role(report, "PUPIL"))).containsExactly(pupilsIn(), 3, 2, 3);
        assertThat(counts(role(report, "GUARDIAN"))).containsExactly(guardiansRostered, 2, 2, 1);
        assertThat(counts(role(report, "TEACHER"))).containsExactly(19, 2, 2, 2);
        assertThat(counts(role(report, "CLASS_TEACHER"))).containsExactly(13, 1, 1, 1);
        assertThat(counts(role(report, "DIRECTOR"))).containsExactly(1, 1, 1, 1);
        assertThat(counts(role(report, "DEPUTY"))).containsExactly(1, 0, 0, 0);
        assertThat(counts(role(report, "DEPARTMENT_STAFF"))).containsExactly(0, 0, 0, 0);
        long rostered = jdbc.sql("select count(*) from people where home_unit_id = ? and archived_at is null")
                .param(school)
                .query(Long.class)
                .single();
        assertThat(counts(report.get("totals"))).containsExactly((int) rostered, 8, 7, 7);
        assertThat(report.get("totals").get("connectedPercent").asDouble())
                .isEqualTo(Math.round(7 * 1000.0 / rostered) / 10.0);
        assertThat(report.get("targetPercent").asInt()).isEqualTo(100);
        assertThat(report.get("deadline").asString())
                .isEqualTo(today.plusDays(10).toString());
        assertThat(report.get("daysLeft").asLong()).isEqualTo(10);

        assertThat(report.get("units")).hasSize(13);
        JsonNode line5a = null;
        for (JsonNode line : report.get("units")) {
            if (line.get("name").asString().equals("5А")) {
                line5a = line.get("counts");
            }
        }
        long in5a = jdbc.sql("select count(distinct person_id) from person_roles where unit_id = ? and archived_at is"
                        + " null")
                .param(class5a)
                .query(Long.class)
                .single();
        assertThat(counts(line5a)).containsExactly((int) in5a, 6, 5, 5);

        Map<String, String> statuses = new java.util.HashMap<>();
        report.get("notConnected")
                .forEach(p -> statuses.put(
                        p.get("fullName").asString(), p.get("invitation").asString()));
        assertThat(report.get("notConnected")).hasSize((int) rostered - 7);
        assertThat(statuses)
                .containsEntry(fullName(pupils5a.get(2)), "ACTIVATED_NOT_IN_ALL_CHATS")
                .containsEntry(fullName(pupils5a.get(3)), "ACTIVE")
                .containsEntry(fullName(pupils5a.get(4)), "EXPIRED")
                .containsEntry(fullName(pupils5a.get(5)), "REVOKED")
                .containsEntry(fullName(pupils5a.get(6)), "NO_CODE")
                .doesNotContainKey(fullName(pupils5a.get(0)));
        JsonNode p3Entry = null;
        for (JsonNode p : report.get("notConnected")) {
            if (p.get("fullName").asString().equals(fullName(pupils5a.get(2)))) {
                p3Entry = p;
            }
        }
        assertThat(p3Entry.get("roles").toString()).contains("PUPIL");
        assertThat(p3Entry.get("classes").toString()).contains("5А");
        assertThat(report.toString()).doesNotContain("message");

        var dept = api.get(admin, "/api/v1/units/" + department + "/coverage").json();
        assertThat(dept.get("units")).hasSize(1);
        assertThat(counts(dept.get("units").get(0).get("counts"))).isEqualTo(counts(report.get("totals")));

        var snap = api.post(director, "/api/v1/units/" + school + "/coverage/snapshot", null);
        assertThat(snap.status()).as(snap.body()).isEqualTo(200);
        assertThat(api.post(director, "/api/v1/units/" + school + "/coverage/snapshot", null)
                        .status())
                .isEqualTo(200);
        var history = api.get(director, "/api/v1/units/" + school + "/coverage/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.list()).hasSize(1);
        JsonNode day = history.list().getFirst();
        assertThat(day.get("day").asString()).isEqualTo(snap.json().get("day").asString());
        assertThat(counts(day.get("totals"))).isEqualTo(counts(report.get("totals")));
        assertThat(counts(day.get("roles").get("PUPIL"))).containsExactly(pupilsIn(), 3, 2, 3);
        var classHistory = api.get(classTeacher, "/api/v1/units/" + class5a + "/coverage/history");
        assertThat(counts(classHistory.list().getFirst().get("totals"))).isEqualTo(counts(line5a));
        assertThat(api.get(director, "/api/v1/units/" + school + "/coverage/history?from=2025-02-01&to=2025-01-01")
                        .code())
                .isEqualTo("COVERAGE_RANGE_INVALID");

        var xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/units/" + school + "/coverage.xlsx"))
                                .header("Authorization", "Bearer " + director.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            var summary = book.getSheet("Сводка");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Роль");
            assertThat(book.getFontAt(
                                    summary.getRow(0).getCell(1).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Ученики");
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(pupilsIn());
            assertThat(summary.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(book.getSheet("Подразделения").getPhysicalNumberOfRows()).isEqualTo(14);
            var notConnected = book.getSheet("Не подключены");
            assertThat(notConnected.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Статус приглашения");
            assertThat(notConnected.getPhysicalNumberOfRows()).isEqualTo((int) rostered - 7 + 1);
            boolean found = false;
            for (var row : notConnected) {
                if (row.getCell(0).getStringCellValue().equals(fullName(pupils5a.get(2)))) {
                    found = true;
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Активирован, но не во всех чатах");
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("5А");
                }
            }
            assertThat(found).isTrue();
        }

        var pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/units/" + school + "/coverage.pdf"))
                                .header("Authorization", "Bearer " + director.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/coverage-report.pdf"), pdf.body());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Отчёт о подключении")
                    .contains("По ролям")
                    .contains("Ученики")
                    .contains(fullName(pupils5a.get(2)))
                    .contains("Активирован, но не во всех чатах")
                    .contains("Ответственный");
        }
    }
}
