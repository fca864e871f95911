package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.NewUser;
import ru.parta.organizations.People;
import ru.parta.support.Api;

/**
 * A department with one school that has imported the sample roster, and helpers to activate people from its rows.
 * Subclasses carry {@code @IntegrationTest}; every test gets a fresh department and school.
 */
abstract class CoverageFixture {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    Api.Session admin;
    long department;
    long school;
    String sample;
    List<String[]> rows;

    @BeforeEach
    void school() throws IOException {
        admin = api.newUser("Сисадмин", true);
        var district = api.district(admin, "Кокрекская СОШ");
        department = district.department();
        school = district.school();
        sample = Files.readString(Path.of("src/test/resources/rosters/roster-sample.csv"), StandardCharsets.UTF_8);
        rows = sample.lines().skip(1).map(l -> l.split(",", -1)).toList();
        importRoster();
    }

    void importRoster() {
        var r = api.upload(
                admin,
                "/api/v1/units/" + school + "/roster?dryRun=false",
                "roster.csv",
                sample.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The rows of class 5А with a role, in file order (roles are the file's Russian ones). */
    List<String[]> of(String className, String role) {
        return rows.stream()
                .filter(r -> r[0].equals(className) && r[4].equals(role))
                .toList();
    }

    List<String[]> withRole(String role) {
        return rows.stream().filter(r -> r.length > 4 && r[4].equals(role)).toList();
    }

    long person(String[] row) {
        return people.ofHome(school).stream()
                .filter(p -> p.surname().equals(row[1]) && p.name().equals(row[2]) && row[3].equals(p.patronymic()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    Api.Session activate(String[] row) {
        var user = api.newUser(row[1]);
        assertThat(people.linkUser(person(row), user.userId())).isTrue();
        return user;
    }

    /** Links an account that never signed in, so it is activated but not active. */
    void activateSilently(String[] row) {
        var profile = accounts.createTrusted(
                new NewUser("silent-" + System.nanoTime(), row[1], row[2], null, null, null, Api.PASSWORD, false));
        assertThat(people.linkUser(person(row), profile.id())).isTrue();
    }

    void invitation(String[] row, String status, String expires) {
        jdbc.sql("insert into invitations (person_id, code, status, expires_at) values (?, ?, ?, now() + cast(? as"
                        + " interval))")
                .params(person(row), "C" + System.nanoTime(), status, expires)
                .update();
    }

    long unitId(long parent, String name) {
        return jdbc.sql("select id from units where parent_id = ? and name = ?")
                .params(parent, name)
                .query(Long.class)
                .single();
    }

    int pupilsIn() {
        return withRole("Ученик").size();
    }

    static String fullName(String[] row) {
        return row[1] + " " + row[2] + (row[3].isEmpty() ? "" : " " + row[3]);
    }
}
