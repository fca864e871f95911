package ru.parta.safety;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.parta.chats.SendPolicy;
import ru.parta.shared.ApiException;
import ru.parta.shared.ChatAnswers;

/**
 * Quiet hours: a message into a chat with pupils, sent while any of those pupils' schools is in its quiet hours, is
 * stored and delivered with {@code quiet: true}. Directors and deputies may send {@code urgent: true} to bypass them;
 * anyone else asking for urgent is refused with URGENT_NOT_ALLOWED.
 *
 * <p>On a single node a chat's windows are kept between sends ({@link ChatAnswers}): a window changed applies at once;
 * a pupil joining or leaving the chat or a roster change applies within {@code parta.safety.policy-cache-ttl} (1 s).
 * In cluster mode they are read on every send. Quiet hours only decide whether clients alert, never whether a message is
 * stored or delivered.
 */
@Component
@Order(10)
class QuietHours implements SendPolicy {

    private final JdbcClient jdbc;
    private final ChatAnswers<List<Window>> windows;

    QuietHours(JdbcClient jdbc, SafetyProperties properties, @Value("${parta.cluster.enabled:false}") boolean cluster) {
        this.jdbc = jdbc;
        this.windows = ChatAnswers.onThisNode(properties.policyCacheTtl(), cluster);
    }

    record Window(LocalTime from, LocalTime to, ZoneId zone) {
        boolean contains(ZonedDateTime instant) {
            LocalTime t = instant.withZoneSameInstant(zone).toLocalTime();
            if (from.equals(to)) {
                return false;
            }
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    @Override
    public Verdict check(Attempt attempt) {
        if (attempt.edit()) {
            return Verdict.ALLOW;
        }
        if (attempt.urgent()) {
            if (!leadsASchool(attempt.senderId())) {
                throw ApiException.forbidden("URGENT_NOT_ALLOWED");
            }
            return Verdict.ALLOW;
        }
        ZonedDateTime now = ZonedDateTime.now();
        for (Window window : windows.get(attempt.chatId(), chatId -> List.copyOf(pupilsSchoolWindows(chatId)))) {
            if (window.contains(now)) {
                return new Verdict(true, null);
            }
        }
        return Verdict.ALLOW;
    }

    /**
     * The quiet-hour windows of the schools of the chat's pupil members, in one query (it runs on every send): pupils'
     * units are walked up to their school as in {@link Contacts#schoolsWhere}. The members are looked up as an array,
     * so that PostgreSQL reads their people by index instead of hashing the whole people table (~3× cheaper here).
     */
    List<Window> pupilsSchoolWindows(long chatId) {
        return jdbc.sql("""
                        with recursive up(id, kind, parent_id) as (
                            select u.id, u.kind, u.parent_id from units u
                            where u.id in (select r.unit_id from people p
                                           join person_roles r on r.person_id = p.id
                                           where p.user_id = any(array(select m.user_id from chat_members m
                                                                       where m.chat_id = ?))
                                             and p.archived_at is null and r.role = 'PUPIL'
                                             and r.archived_at is null)
                            union
                            select p.id, p.kind, p.parent_id from up join units p on p.id = up.parent_id
                            where up.kind <> 'SCHOOL')
                        select distinct s.quiet_from, s.quiet_to, s.time_zone
                        from up join units s on s.id = up.id where up.kind = 'SCHOOL'
                        """)
                .param(chatId)
                .query((rs, n) -> new Window(
                        rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), ZoneId.of(rs.getString(3))))
                .list();
    }

    Window window(long schoolId) {
        return jdbc.sql("select quiet_from, quiet_to, time_zone from units where id = ?")
                .param(schoolId)
                .query((rs, n) -> new Window(
                        rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), ZoneId.of(rs.getString(3))))
                .single();
    }

    void setWindow(long schoolId, LocalTime from, LocalTime to) {
        jdbc.sql("update units set quiet_from = ?, quiet_to = ? where id = ?")
                .params(from, to, schoolId)
                .update();
        windows.forgetAll();
    }

    private boolean leadsASchool(long userId) {
        return jdbc.sql("""
                        select exists(select 1 from person_roles r join people p on p.id = r.person_id
                        where p.user_id = ? and r.role in ('DIRECTOR', 'DEPUTY') and r.archived_at is null
                          and p.archived_at is null)
                        """).param(userId).query(Boolean.class).single();
    }
}
