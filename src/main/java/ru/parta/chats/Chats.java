package ru.parta.chats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chats and the per-member chat list. */
@Repository
class Chats {

    private final JdbcClient jdbc;

    Chats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ChatKind kind, String title, String directKey, long createdBy) {
        return jdbc.sql("insert into chats (kind, title, direct_key, created_by) values (?, ?, ?, ?) returning id")
                .params(kind.name(), title, directKey, createdBy)
                .query(Long.class)
                .single();
    }

    Optional<Long> findDirect(String directKey) {
        return jdbc.sql("select id from chats where direct_key = ?")
                .param(directKey)
                .query(Long.class)
                .optional();
    }

    Optional<ChatKind> kind(long chatId) {
        return jdbc.sql("select kind from chats where id = ?")
                .param(chatId)
                .query((rs, n) -> ChatKind.valueOf(rs.getString(1)))
                .optional();
    }

    boolean generated(long chatId) {
        return jdbc.sql("select generated_unit_id is not null from chats where id = ?")
                .param(chatId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    long lastPosition(long chatId) {
        return jdbc.sql("select last_position from chats where id = ?")
                .param(chatId)
                .query(Long.class)
                .single();
    }

    void rename(long chatId, String title) {
        jdbc.sql("update chats set title = ? where id = ?")
                .params(title, chatId)
                .update();
    }

    void touch(long chatId, Long lastMessageId) {
        jdbc.sql(
                        "update chats set last_activity_at = now(), last_message_id = coalesce(?, last_message_id) where id = ?")
                .params(lastMessageId, chatId)
                .update();
    }

    private static final String LIST = """
            select c.id, c.kind, coalesce(c.title, (select string_agg(u.surname || ' ' || u.name, ', ')
                       from chat_members o join users u on u.id = o.user_id
                       where o.chat_id = c.id and o.user_id <> m.user_id)) as title,
                   m.role, c.generated_kind, c.last_position, m.read_position, c.last_activity_at,
                   (select count(*) from messages x where x.chat_id = c.id and x.position > m.read_position
                       and x.sender_id <> m.user_id and x.deleted_at is null) as unread,
                   lm.id as lm_id, lm.sender_id as lm_sender, lu.surname || ' ' || lu.name as lm_sender_name,
                   case when lm.deleted_at is null then left(lm.body, 140) end as lm_text, lm.created_at as lm_at
            from chat_members m
            join chats c on c.id = m.chat_id
            left join messages lm on lm.id = c.last_message_id
            left join users lu on lu.id = lm.sender_id
            where m.user_id = :user
            """;

    List<ChatView> listFor(long userId, int limit) {
        return jdbc.sql(LIST + " order by c.last_activity_at desc, c.id desc limit :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(Chats::view)
                .list();
    }

    Optional<ChatView> viewFor(long userId, long chatId) {
        return jdbc.sql(LIST + " and c.id = :chat")
                .param("user", userId)
                .param("chat", chatId)
                .query(Chats::view)
                .optional();
    }

    private static ChatView view(ResultSet rs, int n) throws SQLException {
        long lastMessageId = rs.getLong("lm_id");
        ChatView.MessagePreview preview = rs.wasNull()
                ? null
                : new ChatView.MessagePreview(
                        lastMessageId,
                        rs.getLong("lm_sender"),
                        rs.getString("lm_sender_name"),
                        rs.getString("lm_text"),
                        rs.getTimestamp("lm_at").toInstant());
        return new ChatView(
                rs.getLong("id"),
                ChatKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                MemberRole.valueOf(rs.getString("role")),
                rs.getLong("last_position"),
                rs.getLong("read_position"),
                rs.getLong("unread"),
                rs.getTimestamp("last_activity_at").toInstant(),
                preview,
                rs.getString("generated_kind"));
    }
}
