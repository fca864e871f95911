package ru.parta.chats;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Chat memberships. A row exists exactly while the user is a member. Every change here makes {@link Senders} forget
 * the chat, so the checks before a send never use a membership or role older than the last change.
 */
@Repository
class Members {

    private final JdbcClient jdbc;
    private final Senders senders;

    Members(JdbcClient jdbc, Senders senders) {
        this.jdbc = jdbc;
        this.senders = senders;
    }

    Optional<MemberRole> role(long chatId, long userId) {
        return jdbc.sql("select role from chat_members where chat_id = ? and user_id = ?")
                .params(chatId, userId)
                .query((rs, n) -> MemberRole.valueOf(rs.getString(1)))
                .optional();
    }

    long[] userIds(long chatId) {
        return jdbc
                .sql("select user_id from chat_members where chat_id = ?")
                .param(chatId)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    List<Long> memberIdsAmong(long chatId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select user_id from chat_members where chat_id = ? and user_id = any(?)")
                .params(chatId, userIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    boolean add(long chatId, long userId, MemberRole role, long joinedPosition) {
        senders.forget(chatId);
        return jdbc.sql("""
                        insert into chat_members (chat_id, user_id, role, joined_position) values (?, ?, ?, ?)
                        on conflict do nothing
                        """).params(chatId, userId, role.name(), joinedPosition).update() == 1;
    }

    /** Adds a member kept in step with the roster, for these reasons. */
    void addManaged(long chatId, long userId, MemberRole role, long joinedPosition, List<String> reasons) {
        senders.forget(chatId);
        jdbc.sql("""
                        insert into chat_members (chat_id, user_id, role, joined_position, managed, reasons)
                        values (?, ?, ?, ?, true, ?)
                        """)
                .params(chatId, userId, role.name(), joinedPosition, reasons.toArray(String[]::new))
                .update();
    }

    /** A member removed by hand from a generated chat stays out across re-imports until added by hand again. */
    void rememberExclusion(long chatId, long userId, long byUserId) {
        jdbc.sql("""
                        insert into chat_member_exclusions (chat_id, user_id, removed_by)
                        select id, ?, ? from chats where id = ? and generated_unit_id is not null
                        on conflict do nothing
                        """).params(userId, byUserId, chatId).update();
    }

    void forgetExclusion(long chatId, long userId) {
        jdbc.sql("delete from chat_member_exclusions where chat_id = ? and user_id = ?")
                .params(chatId, userId)
                .update();
    }

    boolean remove(long chatId, long userId) {
        senders.forget(chatId);
        return jdbc.sql("delete from chat_members where chat_id = ? and user_id = ?")
                        .params(chatId, userId)
                        .update()
                == 1;
    }

    void setRole(long chatId, long userId, MemberRole role) {
        senders.forget(chatId);
        jdbc.sql("update chat_members set role = ? where chat_id = ? and user_id = ?")
                .params(role.name(), chatId, userId)
                .update();
    }

    /** Raises the read position; returns false when it was already at or past the given one. */
    boolean markRead(long chatId, long userId, long position) {
        return jdbc.sql("""
                        update chat_members set read_position = ?
                        where chat_id = ? and user_id = ? and read_position < ?
                        """).params(position, chatId, userId, position).update() == 1;
    }

    List<MemberView> list(long chatId) {
        return jdbc.sql("""
                        select m.user_id, u.surname, u.name, m.role, m.read_position, m.joined_at, m.reasons
                        from chat_members m join users u on u.id = m.user_id
                        where m.chat_id = ? order by u.surname, u.name, m.user_id
                        """)
                .param(chatId)
                .query((rs, n) -> new MemberView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        MemberRole.valueOf(rs.getString(4)),
                        rs.getLong(5),
                        rs.getTimestamp(6).toInstant(),
                        java.util.List.of((String[]) rs.getArray(7).getArray())))
                .list();
    }

    /** The member who should own the chat after its owner left: the earliest admin, else the earliest member. */
    Optional<Long> successor(long chatId) {
        return jdbc.sql("""
                        select user_id from chat_members where chat_id = ? and role <> 'READ_ONLY'
                        order by case role when 'OWNER' then 0 when 'ADMIN' then 1 else 2 end, joined_position, user_id
                        limit 1
                        """).param(chatId).query(Long.class).optional();
    }

    boolean hasOwner(long chatId) {
        return jdbc.sql("select exists(select 1 from chat_members where chat_id = ? and role = 'OWNER')")
                .param(chatId)
                .query(Boolean.class)
                .single();
    }
}
