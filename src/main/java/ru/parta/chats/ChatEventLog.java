package ru.parta.chats;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat's ordered log of durable changes, and the only place that hands out positions.
 *
 * <p>Invariant: {@link #nextPosition} increments {@code chats.last_position} with an UPDATE, which holds the chat
 * row's lock until the transaction ends. A second writer to the same chat waits for that lock, so it takes position
 * p+1 only after the transaction holding p has committed (or rolled back, undoing p). Therefore any snapshot that
 * sees p+1 also sees p, and a reader that asks "events after my cursor" can never skip one that commits later.
 *
 * <p>Every append registers a push through {@link FanOut} that runs only after commit; a rolled-back change is never
 * pushed.
 */
@Component
class ChatEventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FanOut fanOut;

    ChatEventLog(JdbcClient jdbc, JsonMapper json, FanOut fanOut) {
        this.jdbc = jdbc;
        this.json = json;
        this.fanOut = fanOut;
    }

    /** Locks the chat row until the transaction ends, serialising this transaction with the chat's other writers. */
    void lock(long chatId) {
        jdbc.sql("select 1 from chats where id = ? for update")
                .param(chatId)
                .query(Integer.class)
                .optional();
    }

    /** Locks the chat row and takes the next position; must run inside a transaction. */
    long nextPosition(long chatId) {
        return jdbc.sql("update chats set last_position = last_position + 1 where id = ? returning last_position")
                .param(chatId)
                .query(Long.class)
                .single();
    }

    /** A position and a message id, taken together for a new message. */
    record MessageSlot(long position, long messageId) {}

    /**
     * {@link #nextPosition} for a new message, in the same statement: also draws the message's id and records it as
     * the chat's latest, with the chat's activity time.
     */
    MessageSlot nextMessagePosition(long chatId) {
        return jdbc.sql("""
                        update chats set last_position = last_position + 1, last_activity_at = now(),
                                         last_message_id = nextval('messages_id_seq')
                        where id = ? returning last_position, last_message_id
                        """)
                .param(chatId)
                .query((rs, n) -> new MessageSlot(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Consecutive positions and message ids for several new messages of one chat, and the transaction's time. */
    record MessageSlots(long firstPosition, long[] messageIds, Instant at) {}

    /**
     * {@link #nextMessagePosition} for {@code counts[i]} new messages of chat {@code chatIds[i]}, all chats in one
     * statement: each chat's row is locked until the transaction ends and its positions advance by its count. A chat
     * that no longer exists is missing from the answer.
     */
    Map<Long, MessageSlots> nextMessagePositions(Long[] chatIds, Integer[] counts) {
        Map<Long, MessageSlots> slots = new HashMap<>();
        jdbc.sql("""
                        with v as (select t.chat_id, t.k,
                                          array(select nextval('messages_id_seq') from generate_series(1, t.k)) as ids
                                   from unnest(?::bigint[], ?::int[]) as t(chat_id, k))
                        update chats c set last_position = c.last_position + v.k, last_activity_at = now(),
                                           last_message_id = v.ids[v.k]
                        from v where c.id = v.chat_id
                        returning c.id, c.last_position - v.k + 1, v.ids, now()
                        """).params(chatIds, counts).query(rs -> {
            slots.put(
                    rs.getLong(1),
                    new MessageSlots(
                            rs.getLong(2),
                            longs(rs.getArray(3)),
                            rs.getTimestamp(4).toInstant()));
        });
        return slots;
    }

    /**
     * Inserts new messages (positions and ids taken by {@link #nextMessagePositions} in this transaction) and their
     * {@code message.new} events, and reads each chat's members, all in one statement; the pushes are scheduled after
     * commit, in the given order, each to its chat's members as read here (after the chats' rows were locked, so they
     * are the recipients of these events). Returns those members by chat, or null when not every message was inserted
     * (one met an existing sender and client id): the caller must then roll back.
     */
    Map<Long, long[]> appendNewMessages(List<MessageView> views) {
        int n = views.size();
        Long[] chats = new Long[n];
        Long[] positions = new Long[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            MessageView m = views.get(i);
            chats[i] = m.chatId();
            positions[i] = m.position();
            payloads[i] = frame(m.chatId(), m.position(), "message.new", Map.of("message", m));
        }
        List<Object> params = new ArrayList<>(List.of(Messages.rows(views)));
        params.addAll(List.of(
                chats,
                positions,
                payloads,
                java.util.Arrays.stream(chats).distinct().toArray(Long[]::new)));
        Map<Long, long[]> members = new HashMap<>();
        long[] inserted = {-1};
        jdbc.sql("with m as (" + Messages.INSERT_ROWS + """
                         returning 1),
                        e as (insert into chat_events (chat_id, position, type, payload)
                              select t.chat_id, t.position, 'message.new', t.payload::jsonb
                              from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(chat_id, position, payload))
                        select (select count(*) from m), c.chat_id, c.members
                        from (select chat_id, array_agg(user_id) as members from chat_members
                              where chat_id = any(?) group by chat_id) c
                        """).params(params).query(rs -> {
            inserted[0] = rs.getLong(1);
            members.put(rs.getLong(2), longs(rs.getArray(3)));
        });
        if (inserted[0] != n) {
            return null;
        }
        List<ChatEvent> pushes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pushes.add(new ChatEvent(
                    chats[i],
                    positions[i],
                    payloads[i].getBytes(StandardCharsets.UTF_8),
                    members.getOrDefault(chats[i], new long[0]),
                    System.nanoTime()));
        }
        afterCommit(() -> pushes.forEach(fanOut::publish));
        return members;
    }

    private static long[] longs(Array array) throws SQLException {
        Long[] ids = (Long[]) array.getArray();
        long[] result = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = ids[i];
        }
        return result;
    }

    /**
     * Appends an event at a position taken with {@link #nextPosition}, pushes it after commit to the chat's members as
     * they are when the event is written (read in the same statement, after the chat row's lock was taken), and
     * returns those members.
     */
    long[] appendToMembers(long chatId, long position, String type, Object data) {
        String text = frame(chatId, position, type, data);
        long[] recipients = jdbc.sql("""
                        insert into chat_events (chat_id, position, type, payload) values (?, ?, ?, ?::jsonb)
                        returning (select coalesce(array_agg(user_id), '{}') from chat_members where chat_id = ?)
                        """)
                .params(chatId, position, type, text, chatId)
                .query((rs, n) -> longs(rs.getArray(1)))
                .single();
        pushAfterCommit(
                new ChatEvent(chatId, position, text.getBytes(StandardCharsets.UTF_8), recipients, System.nanoTime()));
        return recipients;
    }

    private String frame(long chatId, long position, String type, Object data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "event");
        frame.put("chatId", chatId);
        frame.put("position", position);
        frame.put("event", type);
        frame.put("at", Instant.now().toString());
        frame.put("data", data);
        return json.writeValueAsString(frame);
    }

    /** Appends an event at a position taken with {@link #nextPosition} and schedules its push after commit. */
    void append(long chatId, long position, String type, Object data, long[] recipients) {
        String text = frame(chatId, position, type, data);
        jdbc.sql("insert into chat_events (chat_id, position, type, payload) values (?, ?, ?, ?::jsonb)")
                .params(chatId, position, type, text)
                .update();
        pushAfterCommit(
                new ChatEvent(chatId, position, text.getBytes(StandardCharsets.UTF_8), recipients, System.nanoTime()));
    }

    /**
     * Replaces the message in every stored event about it (from its own position on) with {@code tombstone}, so a
     * client catching up never sees what was deleted. Already pushed frames cannot be recalled; the deletion event
     * that follows tells clients to drop them.
     */
    void redact(long chatId, long messageId, long fromPosition, Object tombstone) {
        jdbc.sql("""
                        update chat_events set payload = jsonb_set(payload, '{data,message}', ?::jsonb)
                        where chat_id = ? and position >= ? and payload->'data'->'message'->>'id' = ?
                        """)
                .params(json.writeValueAsString(tombstone), chatId, fromPosition, Long.toString(messageId))
                .update();
    }

    /** Takes a position and appends in one step. */
    long append(long chatId, String type, Object data, long[] recipients) {
        long position = nextPosition(chatId);
        append(chatId, position, type, data, recipients);
        return position;
    }

    /** Sends an event that is not stored (typing); it has no position and is not replayed. */
    void ephemeral(long chatId, String type, Object data, long[] recipients) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("chatId", chatId);
        frame.put("data", data);
        byte[] bytes = json.writeValueAsString(frame).getBytes(StandardCharsets.UTF_8);
        fanOut.publish(new ChatEvent(chatId, 0, bytes, recipients, System.nanoTime()));
    }

    private void pushAfterCommit(ChatEvent event) {
        afterCommit(() -> fanOut.publish(event));
    }

    private static void afterCommit(Runnable push) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Chat events are appended inside a transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                push.run();
            }
        });
    }
}
