package ru.parta.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal invitation codes. At most one ACTIVE code per person (a partial unique index guarantees it). */
@Repository
class Invitations {

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Active(long id, long personId, String code, Instant expiresAt) {}

    Optional<Active> activeByCode(String code) {
        return jdbc.sql("select id, person_id, code, expires_at from invitations where code = ? and status = 'ACTIVE'")
                .param(code)
                .query((rs, n) -> new Active(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    Optional<Active> activeFor(long personId) {
        return jdbc.sql(
                        "select id, person_id, code, expires_at from invitations where person_id = ? and status = 'ACTIVE'")
                .param(personId)
                .query((rs, n) -> new Active(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void revokeActive(long personId) {
        jdbc.sql(
                        "update invitations set status = 'REVOKED', revoked_at = now() where person_id = ? and status = 'ACTIVE'")
                .param(personId)
                .update();
    }

    void insert(long personId, String code, Instant expiresAt, long createdBy) {
        jdbc.sql("insert into invitations (person_id, code, expires_at, created_by) values (?, ?, ?, ?)")
                .params(personId, code, java.sql.Timestamp.from(expiresAt), createdBy)
                .update();
    }

    /** Marks the code used; false if it was used or revoked meanwhile (two devices racing with one code). */
    boolean use(long invitationId, long userId) {
        return jdbc.sql("""
                        update invitations set status = 'USED', used_at = now(), used_by = ?
                        where id = ? and status = 'ACTIVE' and expires_at > now()
                        """).params(userId, invitationId).update() == 1;
    }

    /** The latest invitation state per person of the given people. */
    List<InvitationView> statusOf(List<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id, p.surname || ' ' || p.name || coalesce(' ' || p.patronymic, '') as full_name,
                               (select string_agg(r.role, ',' order by r.role) from person_roles r
                                 where r.person_id = p.id and r.archived_at is null) as roles,
                               (select string_agg(u.name, ',') from person_roles r join units u on u.id = r.unit_id
                                 where r.person_id = p.id and r.archived_at is null and u.kind = 'CLASS') as classes,
                               p.user_id, i.status, i.code, i.expires_at
                        from people p
                        left join lateral (select * from invitations x where x.person_id = p.id
                                           order by x.id desc limit 1) i on true
                        where p.id = any(?) and p.archived_at is null
                        order by p.surname, p.name, p.id
                        """)
                .param(personIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    var expires = rs.getTimestamp("expires_at");
                    rs.getLong("user_id");
                    boolean activated = !rs.wasNull();
                    String shown;
                    if (activated) {
                        shown = "ACTIVATED";
                    } else if (status == null) {
                        shown = "NO_CODE";
                    } else if ("ACTIVE".equals(status) && expires.toInstant().isBefore(Instant.now())) {
                        shown = "EXPIRED";
                    } else {
                        shown = "USED".equals(status) ? "NO_CODE" : status;
                    }
                    return new InvitationView(
                            rs.getLong("id"),
                            rs.getString("full_name"),
                            rs.getString("roles"),
                            rs.getString("classes"),
                            shown,
                            "ACTIVE".equals(shown) ? rs.getString("code") : null,
                            "ACTIVE".equals(shown) ? expires.toInstant() : null);
                })
                .list();
    }
}
