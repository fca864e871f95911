package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A department of 20 schools × 10 classes × 50 pupils (10,000 people) built in SQL: half activated, one activated
 * pupil per class missing from the school channel, one in 50 signed in this week. The report must be exact and fast
 * (it is one statement, not one per person), and the nightly job must snapshot every unit of the tree.
 */
@IntegrationTest
class CoverageScaleIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CoverageSnapshots snapshots;

    @Test
    void tenThousandPeopleInOneDepartment() {
        Api.Session admin = api.newUser("Сисадмин", true);
        long dept = jdbc.sql("insert into units (kind, name) values ('DEPARTMENT', ?) returning id")
                .param("Масштаб " + System.nanoTime())
                .query(Long.class)
                .single();
        jdbc.sql("insert into units (parent_id, kind, name) select ?, 'SCHOOL', 'Школа ' || g"
                        + " from generate_series(1, 20) g")
                .param(dept)
                .update();
        jdbc.sql("insert into units (parent_id, kind, name, grade) select s.id, 'CLASS', g || 'А', g"
                        + " from units s, generate_series(1, 10) g where s.parent_id = ?")
                .param(dept)
                .update();
        String classes =
                "select u.id, u.parent_id from units u join units s on s.id = u.parent_id where s.parent_id = " + dept;
        jdbc.sql("with cls as (" + classes + "), ins as (insert into people (home_unit_id, surname, name, name_key)"
                        + " select cls.parent_id, 'Scale' || g, 'И', cls.id::text from cls, generate_series(1, 50) g"
                        + " returning id, name_key)"
                        + " insert into person_roles (person_id, unit_id, role) select id, name_key::bigint, 'PUPIL'"
                        + " from ins")
                .update();
        String scalePeople =
                "select p.* from people p join units s on s.id = p.home_unit_id where s.parent_id = " + dept;
        jdbc.sql(
                        "with p as (" + scalePeople + " and p.surname ~ '^Scale[0-9]+$'"
                                + " and (case when p.surname ~ '^Scale[0-9]+$' then substring(p.surname from 6)::int end) <= 25),"
                                + " u as (insert into users (login, surname, name, password_hash)"
                                + " select 'scale-' || p.id, 'S', 'И', 'x' from p returning id, login)"
                                + " update people set user_id = u.id from u where people.id = substring(u.login from 7)::bigint")
                .update();
        jdbc.sql("with cls as (" + classes + ") insert into chats (kind, title, generated_unit_id, generated_kind)"
                        + " select 'GROUP', 'класс', id, 'CLASS' from cls union all"
                        + " select 'CHANNEL', 'новости', id, 'SCHOOL_NEWS' from units where parent_id = " + dept)
                .update();
        jdbc.sql("with p as (" + scalePeople + " and p.user_id is not null)"
                        + " insert into chat_members (chat_id, user_id, role, joined_position)"
                        + " select c.id, p.user_id, 'MEMBER', 0 from p join person_roles r on r.person_id = p.id"
                        + " join units cl on cl.id = r.unit_id join chats c on (c.generated_unit_id = cl.id"
                        + " and c.generated_kind = 'CLASS') or (c.generated_unit_id = cl.parent_id"
                        + " and c.generated_kind = 'SCHOOL_NEWS' and p.surname <> 'Scale25')")
                .update();
        jdbc.sql("with p as (" + scalePeople + " and p.surname = 'Scale1')"
                        + " insert into sessions (token_hash, user_id, expires_at)"
                        + " select decode(md5(random()::text || p.id), 'hex'), p.user_id, now() + interval '1 day'"
                        + " from p")
                .update();

        String path = "/api/v1/units/" + dept + "/coverage";
        assertThat(api.get(admin, path).status()).isEqualTo(200); // warm-up
        long started = System.nanoTime();
        var r = api.get(admin, path);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(counts(report.get("totals"))).containsExactly(10_000, 5_000, 4_800, 200);
        assertThat(report.get("units")).hasSize(20);
        report.get("units").forEach(u -> assertThat(counts(u.get("counts"))).containsExactly(500, 250, 240, 10));
        assertThat(report.get("notConnected")).hasSize(5_200);
        assertThat(millis).as("report of 10,000 people took %d ms", millis).isLessThan(5_000);

        snapshots.nightly();
        long classId = jdbc.sql(
                        "select min(u.id) from units u join units s on s.id = u.parent_id where s.parent_id = ?")
                .param(dept)
                .query(Long.class)
                .single();
        var classDay = api.get(admin, "/api/v1/units/" + classId + "/coverage/history")
                .list()
                .getFirst();
        assertThat(counts(classDay.get("totals"))).containsExactly(50, 25, 24, 1);
        var deptDay = api.get(admin, path + "/history").list().getFirst();
        assertThat(counts(deptDay.get("roles").get("PUPIL"))).containsExactly(10_000, 5_000, 4_800, 200);
    }

    private static List<Integer> counts(JsonNode c) {
        return List.of(
                c.get("rostered").asInt(),
                c.get("activated").asInt(),
                c.get("connected").asInt(),
                c.get("active7d").asInt());
    }
}
