package ru.parta.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.organizations.People;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RosterImportIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    Api.Session admin;
    long school;
    String sample;

    @BeforeEach
    void school() throws IOException {
        admin = api.newUser("Сисадмин", true);
        school = api.district(admin, "Кокрекская СОШ").school();
        sample = Files.readString(Path.of("src/test/resources/rosters/roster-sample.csv"), StandardCharsets.UTF_8);
    }

    private JsonNode importFile(String name, byte[] bytes, boolean dryRun) {
        var r = api.upload(admin, "/api/v1/units/" + school + "/roster?dryRun=" + dryRun, name, bytes);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void dryRunReportsWithoutChangingAnything() {
        var report = importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), true);
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("counts").get("created").asInt()).isEqualTo(distinctPeople());
        assertThat(report.get("counts").get("classesCreated").asInt()).isEqualTo(13);
        assertThat(report.get("errors").isEmpty())
                .as(report.get("errors").toString())
                .isTrue();
        assertThat(count("select count(*) from people where home_unit_id = ?")).isZero();
        assertThat(count("select count(*) from units where parent_id = ?")).isZero();
    }

    @Test
    void applyBuildsPeopleClassesAndChatsAndReimportIsIdempotentAcrossEncodings() {
        var first = importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        assertThat(first.get("applied").asBoolean()).isTrue();
        long peopleCount = count("select count(*) from people where home_unit_id = ?");
        assertThat(peopleCount).isEqualTo(first.get("counts").get("created").asLong());
        assertThat(jdbc.sql(
                                "select title from chats c join units u on u.id = c.generated_unit_id where u.parent_id = ? or u.id = ?")
                        .params(school, school)
                        .query(String.class)
                        .list())
                .contains(
                        "5А — класс",
                        "5А — родители",
                        "11А — класс",
                        "Учительская",
                        "Администрация",
                        "Объявления школы");

        String cp1251 = sample.replace("\uFEFF", "").replace(',', ';');
        var again = importFile("roster-1251.csv", cp1251.getBytes(Charset.forName("windows-1251")), false);
        assertThat(again.get("format").asString()).containsIgnoringCase("windows-1251");
        assertThat(again.get("counts").get("created").asInt()).isZero();
        assertThat(again.get("counts").get("archived").asInt()).isZero();
        assertThat(again.get("counts").get("moved").asInt()).isZero();
        assertThat(count("select count(*) from people where home_unit_id = ?")).isEqualTo(peopleCount);
    }

    @Test
    void transferMovesPupilAndGuardianBetweenClassChatsAndLeavingArchives() {
        importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        String pupilLine = sample.lines()
                .filter(l -> l.startsWith("5А,") && l.contains(",Ученик,"))
                .findFirst()
                .orElseThrow();
        String[] f = pupilLine.split(",");
        String childRef = f[1] + " " + f[2] + " " + f[3];
        String guardianLine = sample.lines()
                .filter(l -> l.endsWith("," + childRef))
                .findFirst()
                .orElseThrow();
        var pupil = activate(f[1], f[2]);
        String[] g = guardianLine.split(",");
        var guardian = activate(g[1], g[2]);
        importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        assertThat(titles(pupil)).contains("5А — класс", "Объявления школы");
        assertThat(titles(guardian)).contains("5А — родители");

        String moved = sample.replace(pupilLine, pupilLine.replaceFirst("^5А,", "5Б,"))
                .replace(guardianLine, guardianLine.replaceFirst("^5А,", "5Б,"));
        var report = importFile("roster.csv", moved.getBytes(StandardCharsets.UTF_8), false);
        assertThat(report.get("counts").get("moved").asInt()).isEqualTo(1);
        assertThat(report.get("people").toString()).contains("5А → 5Б");
        assertThat(titles(pupil)).contains("5Б — класс").doesNotContain("5А — класс");
        assertThat(titles(guardian)).contains("5Б — родители").doesNotContain("5А — родители");

        String pupilCsv = "," + f[1] + "," + f[2] + "," + f[3] + ",";
        String left = moved.lines()
                .filter(l -> !l.contains(childRef) && !l.contains(pupilCsv))
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
        var leaving = importFile("roster.csv", left.getBytes(StandardCharsets.UTF_8), false);
        assertThat(leaving.get("counts").get("archived").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(titles(pupil)).doesNotContain("5Б — класс");
        assertThat(api.get(pupil, "/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void manualRemovalSurvivesReimport() {
        importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        String teacherLine = sample.lines()
                .filter(l -> l.startsWith("5А,") && l.contains("Классный руководитель"))
                .findFirst()
                .orElseThrow();
        String pupilLine = sample.lines()
                .filter(l -> l.startsWith("5А,") && l.contains(",Ученик,"))
                .findFirst()
                .orElseThrow();
        var teacher = activate(teacherLine.split(",")[1], teacherLine.split(",")[2]);
        var pupil = activate(pupilLine.split(",")[1], pupilLine.split(",")[2]);
        importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        long classChat = api.get(teacher, "/api/v1/chats").list().stream()
                .filter(c -> c.get("title").asString().equals("5А — класс"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        var members =
                api.get(teacher, "/api/v1/chats/" + classChat + "/members").list();
        assertThat(members.stream()
                        .filter(m -> m.get("userId").asLong() == pupil.userId())
                        .findFirst()
                        .orElseThrow()
                        .get("reasons")
                        .toString())
                .contains("Ученик 5А");
        assertThat(api.send(teacher, "DELETE", "/api/v1/chats/" + classChat + "/members/" + pupil.userId(), null)
                        .status())
                .isEqualTo(204);
        var report = importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), true);
        assertThat(report.get("chats").get("keptRemoved").asInt()).isEqualTo(1);
        importFile("roster.csv", sample.getBytes(StandardCharsets.UTF_8), false);
        assertThat(titles(pupil)).doesNotContain("5А — класс");
    }

    @Test
    void rowErrorsAreReportedByLineAndBlockApplyUnlessSkipped() {
        String broken = sample
                + "5А,,Иван,,Ученик,,,,,\n5А,Петров,Пётр,,Космонавт,,,,,\n5А,Сидорова,Анна,,Родитель,,,,,Несуществующий Ребёнок\n";
        var dry = importFile("broken.csv", broken.getBytes(StandardCharsets.UTF_8), true);
        assertThat(dry.get("errors").findValuesAsString("code"))
                .contains("MISSING_SURNAME", "UNKNOWN_ROLE", "CHILD_NOT_FOUND");
        assertThat(dry.get("errors").get(0).get("line").asInt()).isEqualTo(339);
        var refused = api.upload(
                admin,
                "/api/v1/units/" + school + "/roster?dryRun=false",
                "broken.csv",
                broken.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("ROSTER_HAS_ERRORS");
        assertThat(count("select count(*) from people where home_unit_id = ?")).isZero();
        var skipped = api.upload(
                admin,
                "/api/v1/units/" + school + "/roster?dryRun=false&skipInvalidRows=true",
                "broken.csv",
                broken.getBytes(StandardCharsets.UTF_8));
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(count("select count(*) from people where home_unit_id = ?")).isPositive();
    }

    @Test
    void outsidersCannotImportAndUnreadableFilesAreRefused() {
        var stranger = api.newUser("Чужой");
        var r = api.upload(
                stranger, "/api/v1/units/" + school + "/roster", "roster.csv", sample.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UNIT_NOT_FOUND");
        var garbage =
                api.upload(admin, "/api/v1/units/" + school + "/roster", "roster.csv", new byte[] {1, 2, 3, 0, 5});
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.code()).isEqualTo("ROSTER_FILE_INVALID");
    }

    @Test
    void importsTheXlsxTemplateThroughTheSameEndpoint() throws Exception {
        var xlsx = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(api.base() + "/api/v1/roster/template.xlsx"))
                                .header("Authorization", "Bearer " + admin.token())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var report = importFile("template.xlsx", xlsx.body(), false);
        assertThat(report.get("format").asString()).contains("XLSX");
        assertThat(report.get("errors").isEmpty())
                .as(report.get("errors").toString())
                .isTrue();
        assertThat(report.get("counts").get("created").asInt()).isPositive();
    }

    @Test
    void templatesDownload() {
        var csv = api.get(admin, "/api/v1/roster/template.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Фамилия");
    }

    private Api.Session activate(String surname, String name) {
        var person = people.ofHome(school).stream()
                .filter(p -> p.surname().equals(surname) && p.name().equals(name))
                .findFirst()
                .orElseThrow();
        var user = api.newUser(surname);
        people.linkUser(person.id(), user.userId());
        return user;
    }

    private List<String> titles(Api.Session s) {
        return api.get(s, "/api/v1/chats").list().stream()
                .map(c -> c.get("title").asString())
                .toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(school).query(Long.class).single();
    }

    /**
     * People are matched by name within the file too (a teacher who is also a parent is one person), and told apart
     * by birth date (two pupils of the same name are two people).
     */
    private long distinctPeople() {
        List<String[]> rows = sample.lines().skip(1).map(l -> l.split(",", -1)).toList();
        var dated = rows.stream()
                .filter(r -> !r[5].isBlank())
                .map(r -> r[1] + r[2] + r[3] + "|" + r[5])
                .distinct()
                .count();
        var datedNames = rows.stream()
                .filter(r -> !r[5].isBlank())
                .map(r -> r[1] + r[2] + r[3])
                .collect(java.util.stream.Collectors.toSet());
        var undated = rows.stream()
                .filter(r -> r[5].isBlank())
                .map(r -> r[1] + r[2] + r[3])
                .filter(n -> !datedNames.contains(n))
                .distinct()
                .count();
        return dated + undated;
    }
}
