package ru.parta.organizations;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.parta.accounts.CurrentUser;
import ru.parta.shared.ApiException;

/**
 * Who may do what in the organisation tree. Rules, each over a unit and everything below it:
 * <ul>
 *   <li>a system administrator: everything;
 *   <li>department staff: manage and watch their department's schools;
 *   <li>a director, deputy or school admin: manage and watch their school;
 *   <li>a class teacher: watch (coverage, invitations) their class;
 *   <li>everyone else: nothing. Reading chats is never granted here: that is membership only.
 * </ul>
 */
@Component
public class Authority {

    private static final Set<PersonRole> SCHOOL_MANAGERS =
            Set.of(PersonRole.DIRECTOR, PersonRole.DEPUTY, PersonRole.SCHOOL_ADMIN, PersonRole.DEPARTMENT_STAFF);
    private static final Set<PersonRole> WATCHERS = Set.of(
            PersonRole.DIRECTOR,
            PersonRole.DEPUTY,
            PersonRole.SCHOOL_ADMIN,
            PersonRole.DEPARTMENT_STAFF,
            PersonRole.CLASS_TEACHER);

    private final JdbcClient jdbc;
    private final Units units;

    Authority(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Import rosters, create classes, print invitations, set deadlines in this unit. */
    public boolean canManage(CurrentUser user, long unitId) {
        return user.systemAdmin() ? exists(unitId) : holdsAbove(user, unitId, SCHOOL_MANAGERS);
    }

    /** See the unit's people, coverage and invitation status. */
    public boolean canWatch(CurrentUser user, long unitId) {
        return user.systemAdmin() ? exists(unitId) : holdsAbove(user, unitId, WATCHERS);
    }

    /** A system administrator may act on every unit, but only on units that exist: others are UNIT_NOT_FOUND. */
    private boolean exists(long unitId) {
        return units.find(unitId).isPresent();
    }

    public void requireManage(CurrentUser user, long unitId) {
        if (!canManage(user, unitId)) {
            throw ApiException.notFound("UNIT_NOT_FOUND");
        }
    }

    public void requireWatch(CurrentUser user, long unitId) {
        if (!canWatch(user, unitId)) {
            throw ApiException.notFound("UNIT_NOT_FOUND");
        }
    }

    /** The units where the user holds a managing or watching role, for the start of their navigation. */
    public List<Long> entryUnits(CurrentUser user) {
        if (user.systemAdmin()) {
            return units.roots().stream().map(Unit::id).toList();
        }
        return jdbc.sql("""
                        select distinct r.unit_id from person_roles r join people p on p.id = r.person_id
                        where p.user_id = ? and r.archived_at is null and p.archived_at is null and r.role = any(?)
                        order by r.unit_id
                        """)
                .params(user.userId(), WATCHERS.stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    private boolean holdsAbove(CurrentUser user, long unitId, Set<PersonRole> roles) {
        List<Long> lineage = units.lineage(unitId).stream().map(Unit::id).toList();
        if (lineage.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        select exists(select 1 from person_roles r join people p on p.id = r.person_id
                        where p.user_id = ? and r.archived_at is null and p.archived_at is null
                          and r.unit_id = any(?) and r.role = any(?))
                        """)
                .params(
                        user.userId(),
                        lineage.toArray(Long[]::new),
                        roles.stream().map(Enum::name).toArray(String[]::new))
                .query(Boolean.class)
                .single();
    }
}
