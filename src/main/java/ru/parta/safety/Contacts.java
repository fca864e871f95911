package ru.parta.safety;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.parta.chats.ChatKind;
import ru.parta.chats.ContactPolicy;
import ru.parta.chats.SendPolicy;
import ru.parta.shared.ApiException;

/**
 * Child-safe contacts (also checked on every new message of a direct chat, so a chat opened while allowed, e.g. with a
 * teacher who has since left the school, cannot be continued): a pupil may be brought into a direct or ad-hoc chat only by staff of the pupil's school
 * (teachers, class teachers, director, deputies, school admin), classmates, and their own guardians. The rule is
 * symmetric: a pupil may likewise only open a chat with, or add, those people. Accounts without a rostered pupil role
 * are not pupils.
 */
@Component
@org.springframework.core.annotation.Order(5)
class Contacts implements ContactPolicy, SendPolicy {

    static final List<String> SCHOOL_STAFF = List.of("TEACHER", "CLASS_TEACHER", "DIRECTOR", "DEPUTY", "SCHOOL_ADMIN");

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void checkContact(long actorId, Collection<Long> targetIds, boolean direct) {
        boolean actorIsPupil = isPupil(actorId);
        for (long target : targetIds) {
            boolean allowed;
            if (isPupil(target)) {
                allowed = mayContact(actorId, target);
            } else if (actorIsPupil) {
                allowed = mayContact(target, actorId);
            } else {
                allowed = true;
            }
            if (!allowed) {
                throw ApiException.forbidden("CONTACT_NOT_ALLOWED");
            }
        }
    }

    @Override
    public Verdict check(Attempt attempt) {
        if (attempt.kind() == ChatKind.DIRECT && !attempt.edit()) {
            List<Long> others = jdbc.sql("select user_id from chat_members where chat_id = ? and user_id <> ?")
                    .params(attempt.chatId(), attempt.senderId())
                    .query(Long.class)
                    .list();
            checkContact(attempt.senderId(), others, true);
        }
        return Verdict.ALLOW;
    }

    boolean isPupil(long userId) {
        return jdbc.sql("""
                        select exists(select 1 from person_roles r join people p on p.id = r.person_id
                        where p.user_id = ? and r.role = 'PUPIL' and r.archived_at is null and p.archived_at is null)
                        """).param(userId).query(Boolean.class).single();
    }

    /** Whether {@code userId} is school staff, a classmate or a guardian of the pupil {@code pupilUserId}. */
    boolean mayContact(long userId, long pupilUserId) {
        boolean classmateOrGuardian = jdbc.sql("""
                        with pupil as (
                            select r.unit_id, p.id as person_id from person_roles r join people p on p.id = r.person_id
                            where p.user_id = :pupil and r.role = 'PUPIL' and r.archived_at is null
                              and p.archived_at is null)
                        select exists(select 1 from person_roles r join people p on p.id = r.person_id
                                      join pupil c on c.unit_id = r.unit_id
                                      where p.user_id = :actor and r.role = 'PUPIL' and r.archived_at is null
                                        and p.archived_at is null)
                            or exists(select 1 from guardianships g join pupil c on c.person_id = g.child_id
                                      join people gp on gp.id = g.guardian_id
                                      where gp.user_id = :actor and gp.archived_at is null)
                        """)
                .param("pupil", pupilUserId)
                .param("actor", userId)
                .query(Boolean.class)
                .single();
        if (classmateOrGuardian) {
            return true;
        }
        List<Long> staffOf = schoolsWhere(new long[] {userId}, SCHOOL_STAFF);
        if (staffOf.isEmpty()) {
            return false;
        }
        return schoolsWhere(new long[] {pupilUserId}, List.of("PUPIL")).stream().anyMatch(staffOf::contains);
    }

    /** The schools (unit ids) in which any of the users holds one of the roles (in the school or a unit below). */
    List<Long> schoolsWhere(long[] userIds, List<String> roles) {
        return jdbc.sql("""
                        with recursive up(id, kind, parent_id) as (
                            select u.id, u.kind, u.parent_id from units u
                            where u.id in (select r.unit_id from person_roles r join people p on p.id = r.person_id
                                           where p.user_id = any(:users) and r.role = any(:roles)
                                             and r.archived_at is null and p.archived_at is null)
                            union
                            select p.id, p.kind, p.parent_id from up join units p on p.id = up.parent_id
                            where up.kind <> 'SCHOOL')
                        select distinct id from up where kind = 'SCHOOL'
                        """)
                .param("users", java.util.Arrays.stream(userIds).boxed().toArray(Long[]::new))
                .param("roles", roles.toArray(String[]::new))
                .query(Long.class)
                .list();
    }
}
