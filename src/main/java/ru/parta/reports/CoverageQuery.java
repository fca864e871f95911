package ru.parta.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;

/**
 * Reads the coverage rows of a unit's subtree in one statement, whatever its size (no query per person).
 *
 * <p>Definitions, all evaluated in that one statement (one consistent snapshot):
 * <ul>
 *   <li><b>rostered</b>: a current person (people.archived_at null) with an active role (person_roles.archived_at
 *       null) in a non-archived unit of the subtree;
 *   <li><b>activated</b>: people.user_id is not null;
 *   <li><b>connected</b>: activated, and for every generated chat that exists and that any of the person's active
 *       roles (anywhere, not only in this subtree) requires, a chat_members row for that account. The required set
 *       mirrors {@code structure.GeneratedChats}: in a class or group of a school, PUPIL/TEACHER/CLASS_TEACHER → CLASS,
 *       GUARDIAN/CLASS_TEACHER → PARENTS; in a school or its classes, staff → STAFF_ROOM, DIRECTOR/DEPUTY →
 *       ADMINISTRATION, everyone but DEPARTMENT_STAFF → SCHOOL_NEWS; in a department or one of its schools (held
 *       there directly), DEPARTMENT_STAFF/DIRECTOR/DEPUTY → DEPT_LEADERS and every staff role → DEPT_NEWS;
 *   <li><b>active7d</b>: activated, and the account sent a message or opened a session in the last 7 days.
 * </ul>
 */
@Repository
class CoverageQuery {

    private static final String SQL = """
            with recursive tree(id, path) as (
                select id, array[id] from units where id = :root
                union all
                select u.id, t.path || u.id from units u join tree t on u.parent_id = t.id where u.archived_at is null
            ),
            held as materialized (
                select r.person_id, r.role, r.unit_id, t.path
                from tree t
                join person_roles r on r.unit_id = t.id and r.archived_at is null
                join people p on p.id = r.person_id and p.archived_at is null
            ),
            persons as materialized (select distinct person_id from held),
            required as materialized (
                select distinct a.person_id, c.id as chat_id
                from persons x
                join person_roles a on a.person_id = x.person_id and a.archived_at is null
                join units u on u.id = a.unit_id and u.archived_at is null
                left join units s on s.id = u.parent_id
                cross join lateral (select
                    case when u.kind = 'SCHOOL' then u.id
                         when u.kind in ('CLASS', 'GROUP') and s.kind = 'SCHOOL' then s.id end as school,
                    case when u.kind = 'DEPARTMENT' then u.id
                         when u.kind = 'SCHOOL' and s.kind = 'DEPARTMENT' then s.id end as dept,
                    u.kind in ('CLASS', 'GROUP') and s.kind is not distinct from 'SCHOOL' as in_class) w
                cross join lateral (values
                    (case when w.in_class and a.role in ('PUPIL', 'TEACHER', 'CLASS_TEACHER') then u.id end, 'CLASS'),
                    (case when w.in_class and a.role in ('GUARDIAN', 'CLASS_TEACHER') then u.id end, 'PARENTS'),
                    (case when a.role in ('TEACHER', 'CLASS_TEACHER', 'DIRECTOR', 'DEPUTY', 'SCHOOL_ADMIN')
                          then w.school end, 'STAFF_ROOM'),
                    (case when a.role in ('DIRECTOR', 'DEPUTY') then w.school end, 'ADMINISTRATION'),
                    (case when a.role <> 'DEPARTMENT_STAFF' then w.school end, 'SCHOOL_NEWS'),
                    (case when a.role in ('DEPARTMENT_STAFF', 'DIRECTOR', 'DEPUTY') then w.dept end, 'DEPT_LEADERS'),
                    (case when a.role not in ('PUPIL', 'GUARDIAN') then w.dept end, 'DEPT_NEWS')
                ) n(unit_id, kind)
                join chats c on c.generated_unit_id = n.unit_id and c.generated_kind = n.kind
            ),
            missing as materialized (
                select distinct q.person_id
                from required q
                join people p on p.id = q.person_id
                left join chat_members m on m.chat_id = q.chat_id and m.user_id = p.user_id
                where m.chat_id is null
            ),
            status as (
                select p.id as person_id,
                       p.user_id is not null as activated,
                       p.user_id is not null and mi.person_id is null as connected,
                       p.user_id is not null and (
                           exists (select 1 from messages m where m.sender_id = p.user_id and m.created_at >= :since)
                           or exists (select 1 from sessions s where s.user_id = p.user_id and s.created_at >= :since))
                           as active7d,
                       (select case when i.status = 'ACTIVE' and i.expires_at <= :now then 'EXPIRED' else i.status end
                        from invitations i where i.person_id = p.id
                        order by i.created_at desc, i.id desc limit 1) as invitation,
                       p.surname || ' ' || p.name || coalesce(' ' || p.patronymic, '') as full_name,
                       p.surname, p.name
                from people p join persons x on x.person_id = p.id
                left join missing mi on mi.person_id = p.id
            )
            select h.person_id, h.role, h.unit_id, h.path, u.name as unit_name, u.kind as unit_kind,
                   st.full_name, st.activated, st.connected, st.active7d, st.invitation
            from held h
            join status st on st.person_id = h.person_id
            join units u on u.id = h.unit_id
            order by st.surname, st.name, h.person_id, h.role, h.unit_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CoverageQuery(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Every active role held in the subtree of {@code rootId}, with its person's status as of {@code now}. */
    List<CoverageRow> rows(long rootId, Instant now) {
        return tx.execute(status -> {
            // The statement joins intermediate results whose sizes PostgreSQL cannot estimate (it assumes one row);
            // nested loops over them are quadratic (a 10,000-person department took 27 s, hash joins take well
            // under a second). Index lookups inside sub-queries are unaffected. LOCAL: only this transaction.
            jdbc.sql("set local enable_nestloop = off").update();
            return query(rootId, now);
        });
    }

    private List<CoverageRow> query(long rootId, Instant now) {
        return jdbc.sql(SQL)
                .param("root", rootId)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("since", OffsetDateTime.ofInstant(now.minus(7, ChronoUnit.DAYS), ZoneOffset.UTC))
                .query(CoverageQuery::row)
                .list();
    }

    private static CoverageRow row(ResultSet rs, int n) throws SQLException {
        Long[] path = (Long[]) rs.getArray("path").getArray();
        return new CoverageRow(
                rs.getLong("person_id"),
                rs.getString("full_name"),
                PersonRole.valueOf(rs.getString("role")),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                UnitKind.valueOf(rs.getString("unit_kind")),
                Arrays.asList(path),
                rs.getBoolean("activated"),
                rs.getBoolean("connected"),
                rs.getBoolean("active7d"),
                rs.getString("invitation"));
    }
}
