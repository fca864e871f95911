package ru.parta.chats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chats generated for organisation units (class chat, parents' chat, staff room, …), kept in line with a desired
 * membership computed from the roster.
 *
 * <p>Guarantees of {@link #reconcile}: members it added earlier (managed) and no longer desired are removed; desired
 * users are added unless an administrator removed them by hand (reported as kept removed until that removal is
 * undone by adding them by hand); members added by hand are never removed. Every change is a chat event, in the
 * caller's transaction.
 */
@Service
public class ManagedChats {

    private final JdbcClient jdbc;
    private final ChatEventLog log;
    private final Members members;

    ManagedChats(JdbcClient jdbc, ChatEventLog log, Members members) {
        this.jdbc = jdbc;
        this.log = log;
        this.members = members;
    }

    /** What a generated chat's member should be: role and the reasons («Ученик 5А», «Классный руководитель»). */
    public record Desired(MemberRole role, List<String> reasons) {}

    /** What reconciling changed, by user id. */
    public record Changes(List<Long> added, List<Long> removed, List<Long> roleChanged, List<Long> keptRemoved) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && roleChanged.isEmpty();
        }
    }

    /** The generated chat of a unit and kind, created if missing, renamed if its title changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long ensure(long unitId, String generatedKind, ChatKind kind, String title) {
        Optional<Long> existing = jdbc.sql("select id from chats where generated_unit_id = ? and generated_kind = ?")
                .params(unitId, generatedKind)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            long chatId = existing.get();
            String current = jdbc.sql("select title from chats where id = ?")
                    .param(chatId)
                    .query(String.class)
                    .single();
            if (!title.equals(current)) {
                jdbc.sql("update chats set title = ? where id = ?")
                        .params(title, chatId)
                        .update();
                log.append(chatId, "chat.renamed", Map.of("title", title), members.userIds(chatId));
            }
            return chatId;
        }
        return jdbc.sql("""
                        insert into chats (kind, title, generated_unit_id, generated_kind) values (?, ?, ?, ?)
                        returning id
                        """)
                .params(kind.name(), title, unitId, generatedKind)
                .query(Long.class)
                .single();
    }

    public Optional<Long> find(long unitId, String generatedKind) {
        return jdbc.sql("select id from chats where generated_unit_id = ? and generated_kind = ?")
                .params(unitId, generatedKind)
                .query(Long.class)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Changes reconcile(long chatId, Map<Long, Desired> desired) {
        log.lock(chatId);
        record Row(long userId, MemberRole role, boolean managed, List<String> reasons) {}
        Map<Long, Row> current = new HashMap<>();
        jdbc.sql("select user_id, role, managed, reasons from chat_members where chat_id = ?")
                .param(chatId)
                .query((rs, n) ->
                        new Row(rs.getLong(1), MemberRole.valueOf(rs.getString(2)), rs.getBoolean(3), List.of((String[])
                                rs.getArray(4).getArray())))
                .list()
                .forEach(r -> current.put(r.userId(), r));
        Set<Long> excluded = new HashSet<>(jdbc.sql("select user_id from chat_member_exclusions where chat_id = ?")
                .param(chatId)
                .query(Long.class)
                .list());
        List<Long> added = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        List<Long> roleChanged = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        // the chat row is locked, so this set stays the true membership while it is kept up to date below
        Set<Long> present = new java.util.LinkedHashSet<>(current.keySet());
        for (var row : current.values()) {
            if (row.managed() && !desired.containsKey(row.userId())) {
                long[] recipients = ids(present);
                present.remove(row.userId());
                members.remove(chatId, row.userId());
                log.append(chatId, "member.removed", Map.of("userId", row.userId(), "reason", "ROSTER"), recipients);
                removed.add(row.userId());
            }
        }
        for (var entry : desired.entrySet()) {
            long userId = entry.getKey();
            Desired want = entry.getValue();
            Row row = current.get(userId);
            if (row == null) {
                if (excluded.contains(userId)) {
                    kept.add(userId);
                    continue;
                }
                long position = log.nextPosition(chatId);
                members.addManaged(chatId, userId, want.role(), position, want.reasons());
                present.add(userId);
                log.append(
                        chatId,
                        position,
                        "member.added",
                        Map.of("userId", userId, "role", want.role(), "reasons", want.reasons()),
                        ids(present));
                added.add(userId);
            } else {
                if (!row.reasons().equals(want.reasons())) {
                    jdbc.sql("update chat_members set reasons = ? where chat_id = ? and user_id = ?")
                            .params(want.reasons().toArray(String[]::new), chatId, userId)
                            .update();
                }
                if (row.managed() && row.role() != want.role()) {
                    members.setRole(chatId, userId, want.role());
                    log.append(chatId, "member.role", Map.of("userId", userId, "role", want.role()), ids(present));
                    roleChanged.add(userId);
                }
            }
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            jdbc.sql("update chats set last_activity_at = now() where id = ?")
                    .param(chatId)
                    .update();
        }
        return new Changes(added, removed, roleChanged, kept);
    }

    private static long[] ids(Set<Long> users) {
        return users.stream().mapToLong(Long::longValue).toArray();
    }
}
