package ru.parta.chats;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What delivery needs to bring a client up to date from the database: a user's chats with their positions, and the
 * stored events after a position. Only current members read a chat's events, and never before the position at which
 * they joined.
 */
@Component
public class ChatSync {

    private final JdbcClient jdbc;

    ChatSync(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's chats with the position they joined at and the chat's latest position. */
    public List<Membership> memberships(long userId) {
        return jdbc.sql("""
                        select m.chat_id, m.joined_position, c.last_position from chat_members m
                        join chats c on c.id = m.chat_id where m.user_id = ?
                        """)
                .param(userId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    public Optional<Membership> membership(long userId, long chatId) {
        return jdbc.sql("""
                        select m.chat_id, m.joined_position, c.last_position from chat_members m
                        join chats c on c.id = m.chat_id where m.user_id = ? and m.chat_id = ?
                        """)
                .params(userId, chatId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    /**
     * Stored events of the chat after {@code after}, in position order, at most {@code limit}; empty when the user is
     * not a member. Because positions commit in order (see {@code ChatEventLog}), the result has no holes: if it holds
     * position p, it holds every position between {@code after} and p.
     */
    public List<StoredEvent> eventsAfter(long userId, long chatId, long after, int limit) {
        return jdbc.sql("""
                        select e.position, e.payload::text from chat_events e
                        join chat_members m on m.chat_id = e.chat_id and m.user_id = ?
                        where e.chat_id = ? and e.position > greatest(?, m.joined_position - 1)
                        order by e.position limit ?
                        """)
                .params(userId, chatId, after, limit)
                .query((rs, n) -> new StoredEvent(chatId, rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** A user's membership of a chat as sync sees it. */
    public record Membership(long chatId, long joinedPosition, long lastPosition) {}

    /** An event as stored: its position and its JSON frame. */
    public record StoredEvent(long chatId, long position, String frame) {}
}
