package ru.parta.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rostered people, their roles and guardianships. Leaving is archiving: an archived person keeps their account and
 * messages, loses their roles, and so leaves the generated chats.
 */
@Repository
public class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> find(long id) {
        return jdbc.sql("select * from people where id = ?")
                .param(id)
                .query(People::person)
                .optional();
    }

    public List<Person> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from people where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(People::person)
                .list();
    }

    /** Every rostered person the account is linked to (a teacher may also be a parent at another school). */
    public List<Person> byUser(long userId) {
        return jdbc.sql("select * from people where user_id = ? and archived_at is null order by id")
                .param(userId)
                .query(People::person)
                .list();
    }

    /** People of a home unit with this name key, active ones first. */
    public List<Person> byKey(long homeUnitId, String nameKey) {
        return jdbc.sql(
                        "select * from people where home_unit_id = ? and name_key = ? order by archived_at nulls first, id")
                .params(homeUnitId, nameKey)
                .query(People::person)
                .list();
    }

    public List<Person> ofHome(long homeUnitId) {
        return jdbc.sql("select * from people where home_unit_id = ? order by surname, name, id")
                .param(homeUnitId)
                .query(People::person)
                .list();
    }

    public long insert(
            long homeUnitId,
            String surname,
            String name,
            String patronymic,
            String nameKey,
            LocalDate birthDate,
            String phone,
            String email) {
        return jdbc.sql("""
                        insert into people (home_unit_id, surname, name, patronymic, name_key, birth_date, phone, email)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(homeUnitId, surname, name, blank(patronymic), nameKey, birthDate, blank(phone), blank(email))
                .query(Long.class)
                .single();
    }

    /** Updates contact data and birth date; returns true when anything changed. Restores an archived person. */
    public boolean update(long id, LocalDate birthDate, String phone, String email) {
        return jdbc.sql("""
                        update people set birth_date = coalesce(?, birth_date), phone = coalesce(?, phone),
                               email = coalesce(?, email), archived_at = null
                        where id = ? and (archived_at is not null
                           or birth_date is distinct from coalesce(?, birth_date)
                           or phone is distinct from coalesce(?, phone) or email is distinct from coalesce(?, email))
                        """)
                        .params(birthDate, blank(phone), blank(email), id, birthDate, blank(phone), blank(email))
                        .update()
                == 1;
    }

    public void archive(long id) {
        jdbc.sql("update people set archived_at = now() where id = ? and archived_at is null")
                .param(id)
                .update();
        jdbc.sql("update person_roles set archived_at = now() where person_id = ? and archived_at is null")
                .param(id)
                .update();
    }

    /**
     * Erases a rostered person (152-ФЗ): name replaced by «Удалённый пользователь», birth date and contacts gone,
     * guardianships dropped, archived with their roles.
     */
    public void erase(long id) {
        archive(id);
        jdbc.sql("""
                        update people set surname = 'Удалённый', name = 'пользователь', patronymic = null,
                            name_key = 'deleted-' || id, birth_date = null, phone = null, email = null
                        where id = ?
                        """).param(id).update();
        jdbc.sql("delete from guardianships where guardian_id = ? or child_id = ?")
                .params(id, id)
                .update();
    }

    public boolean linkUser(long personId, long userId) {
        return jdbc.sql("update people set user_id = ? where id = ? and user_id is null")
                        .params(userId, personId)
                        .update()
                == 1;
    }

    public List<RoleHolding> roles(long personId) {
        return jdbc.sql("select * from person_roles where person_id = ? and archived_at is null order by id")
                .param(personId)
                .query(People::holding)
                .list();
    }

    /** Active roles held in any of the given units. */
    public List<RoleHolding> rolesIn(List<Long> unitIds) {
        return jdbc.sql("select * from person_roles where unit_id = any(?) and archived_at is null order by id")
                .param(unitIds.toArray(Long[]::new))
                .query(People::holding)
                .list();
    }

    public long addRole(long personId, long unitId, PersonRole role, List<String> subjects, boolean manual) {
        return jdbc.sql("""
                        insert into person_roles (person_id, unit_id, role, subjects, source) values (?, ?, ?, ?, ?)
                        returning id
                        """)
                .params(personId, unitId, role.name(), subjects.toArray(String[]::new), manual ? "MANUAL" : "ROSTER")
                .query(Long.class)
                .single();
    }

    public void setSubjects(long roleId, List<String> subjects) {
        jdbc.sql("update person_roles set subjects = ? where id = ?")
                .params(subjects.toArray(String[]::new), roleId)
                .update();
    }

    public void endRole(long roleId) {
        jdbc.sql("update person_roles set archived_at = now() where id = ?")
                .param(roleId)
                .update();
    }

    public List<Long> children(long guardianId) {
        return jdbc.sql("select child_id from guardianships where guardian_id = ?")
                .param(guardianId)
                .query(Long.class)
                .list();
    }

    public List<Long> guardians(long childId) {
        return jdbc.sql("select guardian_id from guardianships where child_id = ?")
                .param(childId)
                .query(Long.class)
                .list();
    }

    public boolean addGuardianship(long guardianId, long childId) {
        return jdbc.sql("insert into guardianships (guardian_id, child_id) values (?, ?) on conflict do nothing")
                        .params(guardianId, childId)
                        .update()
                == 1;
    }

    static Person person(ResultSet rs, int n) throws SQLException {
        var birth = rs.getDate("birth_date");
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new Person(
                rs.getLong("id"),
                rs.getLong("home_unit_id"),
                rs.getString("surname"),
                rs.getString("name"),
                rs.getString("patronymic"),
                birth == null ? null : birth.toLocalDate(),
                rs.getString("phone"),
                rs.getString("email"),
                userId,
                rs.getTimestamp("archived_at") != null);
    }

    static RoleHolding holding(ResultSet rs, int n) throws SQLException {
        return new RoleHolding(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getLong("unit_id"),
                PersonRole.valueOf(rs.getString("role")),
                Arrays.asList((String[]) rs.getArray("subjects").getArray()),
                "MANUAL".equals(rs.getString("source")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
