package ru.parta.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.Users;
import ru.parta.chats.ChatService;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;

/**
 * Export and erasure of a person's data (152-ФЗ). Export: profile, rostered roles and own messages. Erasure: the
 * account and its roster records anonymised to «Удалённый пользователь», sessions revoked, group chats left; the
 * person's messages stay readable for the others.
 */
@Service
class Privacy {

    private final Accounts accounts;
    private final Users users;
    private final People people;
    private final Units units;
    private final ChatService chats;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Privacy(
            Accounts accounts,
            Users users,
            People people,
            Units units,
            ChatService chats,
            JdbcClient jdbc,
            AuditLog audit) {
        this.accounts = accounts;
        this.users = users;
        this.people = people;
        this.units = units;
        this.chats = chats;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record RoleExport(long unitId, String unit, String role, List<String> subjects) {}

    record PersonExport(Person person, List<RoleExport> roles) {}

    record MessageExport(long chatId, String chat, long messageId, Instant createdAt, Instant editedAt, String text) {}

    @Transactional
    Map<String, Object> export(long userId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exportedAt", Instant.now().toString());
        result.put("profile", users.find(userId).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND")));
        List<PersonExport> rostered = new ArrayList<>();
        for (Person person : people.byUser(userId)) {
            List<RoleExport> roles = people.roles(person.id()).stream()
                    .map(r -> new RoleExport(
                            r.unitId(),
                            units.find(r.unitId()).map(u -> u.name()).orElse(null),
                            r.role().name(),
                            r.subjects()))
                    .toList();
            rostered.add(new PersonExport(person, roles));
        }
        result.put("rostered", rostered);
        result.put(
                "messages",
                jdbc.sql("""
                                select m.chat_id, c.title, m.id, m.created_at, m.edited_at, m.body from messages m
                                join chats c on c.id = m.chat_id
                                where m.sender_id = ? and m.deleted_at is null order by m.created_at, m.id
                                """)
                        .param(userId)
                        .query((rs, n) -> new MessageExport(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant(),
                                rs.getString(6)))
                        .list());
        audit.record(userId, homeUnit(userId), "person.exported", Map.of("userId", userId));
        return result;
    }

    /** Erasure on the person's own request, confirmed by their password. */
    @Transactional
    void eraseSelf(long userId, String password) {
        if (!accounts.checkPassword(userId, password)) {
            throw ApiException.forbidden("WRONG_PASSWORD");
        }
        erase(userId, userId);
    }

    /** Erasure by a system administrator. */
    @Transactional
    void eraseByAdmin(long adminId, boolean systemAdmin, long userId) {
        if (!systemAdmin) {
            throw ApiException.forbidden("ADMIN_ONLY");
        }
        if (users.find(userId).isEmpty()) {
            throw ApiException.notFound("USER_NOT_FOUND");
        }
        erase(adminId, userId);
    }

    private void erase(long actorId, long userId) {
        Long unit = homeUnit(userId);
        List<Long> memberships = jdbc.sql("""
                        select m.chat_id from chat_members m join chats c on c.id = m.chat_id
                        where m.user_id = ? and c.kind <> 'DIRECT' order by m.chat_id
                        """).param(userId).query(Long.class).list();
        for (long chatId : memberships) {
            chats.leave(userId, chatId);
        }
        for (Person person : people.byUser(userId)) {
            people.erase(person.id());
        }
        jdbc.sql("delete from chat_mutes where user_id = ?").param(userId).update();
        accounts.erase(userId);
        audit.record(actorId, unit, "person.erased", Map.of("userId", userId));
    }

    private Long homeUnit(long userId) {
        return people.byUser(userId).stream()
                .map(Person::homeUnitId)
                .findFirst()
                .orElse(null);
    }
}
