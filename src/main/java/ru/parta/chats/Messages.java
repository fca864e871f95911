package ru.parta.chats;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages and their reactions. {@code (sender_id, client_id)} is unique forever: it is what makes sends idempotent. */
@Repository
class Messages {

    private static final String SELECT = """
            select m.*, (select json_agg(json_build_array(r.emoji, r.user_id) order by r.created_at)::text
                         from reactions r where r.message_id = m.id) as reaction_list
            from messages m
            """;

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<MessageAttachments> attachments;

    Messages(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<MessageAttachments> attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    private MessageAttachments files() {
        return attachments.getIfAvailable(() -> MessageAttachments.NONE);
    }

    /** The messages with their attachments (one query for the whole page). */
    private List<MessageView> withFiles(List<MessageView> page) {
        if (page.isEmpty()) {
            return page;
        }
        var byMessage = files().of(page.stream().map(MessageView::id).toList());
        if (byMessage.isEmpty()) {
            return page;
        }
        List<MessageView> result = new ArrayList<>(page.size());
        for (MessageView m : page) {
            var list = byMessage.get(m.id());
            result.add(list == null || m.deleted() ? m : m.withAttachments(list));
        }
        return result;
    }

    private Optional<MessageView> withFiles(Optional<MessageView> message) {
        return message.map(m -> withFiles(List.of(m)).getFirst());
    }

    Optional<MessageView> bySenderAndClientId(long senderId, String clientId) {
        return withFiles(jdbc.sql(SELECT + " where m.sender_id = ? and m.client_id = ?")
                .params(senderId, clientId)
                .query(Messages::view)
                .optional());
    }

    /** Which of these {@code (sender, clientId)} pairs are already stored, as {@code "sender:clientId"}. */
    Set<String> takenClientIds(Long[] senderIds, String[] clientIds) {
        return new HashSet<>(
                jdbc.sql("""
                        select m.sender_id || ':' || m.client_id from messages m
                        join unnest(?::bigint[], ?::text[]) as t(sender_id, client_id)
                          on m.sender_id = t.sender_id and m.client_id = t.client_id
                        """).params(senderIds, clientIds).query(String.class).list());
    }

    Optional<MessageView> find(long chatId, long messageId) {
        return withFiles(jdbc.sql(SELECT + " where m.chat_id = ? and m.id = ?")
                .params(chatId, messageId)
                .query(Messages::view)
                .optional());
    }

    /**
     * A multi-row insert of new messages, one row per element of {@link #rows}' arrays, ids and positions already
     * taken by {@link ChatEventLog#nextMessagePositions}. A row that meets an existing message with the same sender
     * and client id is skipped, so the caller must compare the number inserted with the number given (and roll back).
     * One multi-row statement costs a fraction of a JDBC batch, which PostgreSQL executes as one statement per row.
     */
    static final String INSERT_ROWS = """
            insert into messages (id, chat_id, sender_id, client_id, position, body, search_text, reply_to, mentions, quiet)
            select t.id, t.chat_id, t.sender_id, t.client_id, t.position, t.body, t.search_text, t.reply_to,
                   t.mentions::bigint[], t.quiet
            from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[],
                        ?::bigint[], ?::text[], ?::boolean[])
                 as t(id, chat_id, sender_id, client_id, position, body, search_text, reply_to, mentions, quiet)
            on conflict (sender_id, client_id) do nothing
            """;

    /** The parameters of {@link #INSERT_ROWS} for these new messages: one array per column. */
    static Object[] rows(List<MessageView> batch) {
        int n = batch.size();
        Long[] ids = new Long[n];
        Long[] chats = new Long[n];
        Long[] senders = new Long[n];
        String[] clientIds = new String[n];
        Long[] positions = new Long[n];
        String[] bodies = new String[n];
        String[] folded = new String[n];
        Long[] replies = new Long[n];
        String[] mentions = new String[n];
        Boolean[] quiet = new Boolean[n];
        for (int i = 0; i < n; i++) {
            MessageView m = batch.get(i);
            ids[i] = m.id();
            chats[i] = m.chatId();
            senders[i] = m.senderId();
            clientIds[i] = m.clientId();
            positions[i] = m.position();
            bodies[i] = m.text();
            folded[i] = fold(m.text());
            replies[i] = m.replyTo();
            mentions[i] = m.mentions().stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            quiet[i] = m.quiet();
        }
        return new Object[] {ids, chats, senders, clientIds, positions, bodies, folded, replies, mentions, quiet};
    }

    /**
     * Inserts a new message with the id and position already taken by {@link ChatEventLog#nextMessagePosition} and
     * returns it as stored (no re-read); empty when a message with the same sender and client id already exists.
     */
    Optional<MessageView> insert(NewMessage message, long id, long position) {
        return jdbc.sql("""
                        insert into messages (id, chat_id, sender_id, client_id, position, body, search_text, reply_to,
                                              mentions, quiet)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sender_id, client_id) do nothing
                        returning created_at
                        """)
                .params(
                        id,
                        message.chatId(),
                        message.senderId(),
                        message.clientId(),
                        position,
                        message.body(),
                        fold(message.body()),
                        message.replyTo(),
                        message.mentions().toArray(Long[]::new),
                        message.quiet())
                .query((rs, n) ->
                        message.stored(id, position, rs.getTimestamp(1).toInstant()))
                .optional();
    }

    void edit(long messageId, String body, List<Long> mentions) {
        jdbc.sql("update messages set body = ?, search_text = ?, mentions = ?, edited_at = now() where id = ?")
                .params(body, fold(body), mentions.toArray(Long[]::new), messageId)
                .update();
    }

    void delete(long messageId) {
        jdbc.sql(
                        "update messages set body = '', search_text = '', mentions = '{}', pinned = false, deleted_at = now() where id = ?")
                .param(messageId)
                .update();
        jdbc.sql("delete from reactions where message_id = ?").param(messageId).update();
    }

    void pin(long messageId, boolean pinned) {
        jdbc.sql("update messages set pinned = ? where id = ?")
                .params(pinned, messageId)
                .update();
    }

    boolean addReaction(long messageId, long userId, String emoji) {
        return jdbc.sql("insert into reactions (message_id, user_id, emoji) values (?, ?, ?) on conflict do nothing")
                        .params(messageId, userId, emoji)
                        .update()
                == 1;
    }

    boolean removeReaction(long messageId, long userId, String emoji) {
        return jdbc.sql("delete from reactions where message_id = ? and user_id = ? and emoji = ?")
                        .params(messageId, userId, emoji)
                        .update()
                == 1;
    }

    /** Up to {@code limit} messages before a position, returned oldest first. */
    List<MessageView> before(long chatId, long position, int limit) {
        List<MessageView> page = new ArrayList<>(
                jdbc.sql(SELECT + " where m.chat_id = ? and m.position < ? order by m.position desc limit ?")
                        .params(chatId, position, limit)
                        .query(Messages::view)
                        .list());
        java.util.Collections.reverse(page);
        return withFiles(page);
    }

    /** Up to {@code limit} messages after a position, oldest first. */
    List<MessageView> after(long chatId, long position, int limit) {
        return withFiles(jdbc.sql(SELECT + " where m.chat_id = ? and m.position > ? order by m.position limit ?")
                .params(chatId, position, limit)
                .query(Messages::view)
                .list());
    }

    List<MessageView> pinned(long chatId) {
        return withFiles(jdbc.sql(SELECT + " where m.chat_id = ? and m.pinned order by m.position")
                .param(chatId)
                .query(Messages::view)
                .list());
    }

    /** Russian full-text search over the chats the user is a member of; ё and е match each other. */
    List<MessageView> search(long userId, Long chatId, String query, int limit) {
        String folded = fold(query);
        return withFiles(jdbc.sql(SELECT + """
                         join chat_members cm on cm.chat_id = m.chat_id and cm.user_id = :user
                         where m.deleted_at is null and (:chat::bigint is null or m.chat_id = :chat)
                           and m.search @@ websearch_to_tsquery('russian', :q)
                         order by ts_rank(m.search, websearch_to_tsquery('russian', :q)) desc, m.created_at desc
                         limit :limit
                        """)
                .param("user", userId)
                .param("chat", chatId)
                .param("q", folded)
                .param("limit", limit)
                .query(Messages::view)
                .list());
    }

    /** Lower case with ё folded to е: what is indexed and what is searched, independent of the database locale. */
    static String fold(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
    }

    static MessageView view(ResultSet rs, int n) throws SQLException {
        boolean deleted = rs.getTimestamp("deleted_at") != null;
        long replyTo = rs.getLong("reply_to");
        Long reply = rs.wasNull() ? null : replyTo;
        var edited = rs.getTimestamp("edited_at");
        return new MessageView(
                rs.getLong("id"),
                rs.getLong("chat_id"),
                rs.getLong("position"),
                rs.getLong("sender_id"),
                rs.getString("client_id"),
                deleted ? null : rs.getString("body"),
                reply,
                longs(rs.getArray("mentions")),
                rs.getBoolean("pinned"),
                deleted,
                rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant(),
                reactions(rs.getString("reaction_list")),
                rs.getBoolean("quiet"));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Map<String, List<Long>> reactions(String json) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        if (json == null) {
            return result;
        }
        // [["👍",12],["❤",7]]: emoji strings are JSON-escaped by PostgreSQL, user ids are numbers
        var parser = tools.jackson.databind.json.JsonMapper.shared().readTree(json);
        for (var pair : parser) {
            result.computeIfAbsent(pair.get(0).asString(), k -> new ArrayList<>())
                    .add(pair.get(1).asLong());
        }
        return result;
    }
}
