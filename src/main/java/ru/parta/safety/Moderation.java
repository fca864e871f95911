package ru.parta.safety;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.chats.ChatService;
import ru.parta.chats.MemberRole;
import ru.parta.chats.MessageService;
import ru.parta.chats.MessageView;
import ru.parta.chats.SendPolicy;
import ru.parta.shared.ApiException;
import ru.parta.shared.ChatAnswers;

/**
 * Moderation by chat owners and admins: muting a member for a while, lesson mode (only chat admins post), and the
 * report queue (reports by members, once each, and by the word filter).
 *
 * <p>On a single node a chat's lesson mode and live mutes are kept between sends ({@link ChatAnswers}); a mute or
 * lesson mode applies to the very next send. In cluster mode they are read on every send.
 */
@Component
@Order(0)
class Moderation implements SendPolicy {

    static final int MAX_MUTE_MINUTES = 30 * 24 * 60;

    private final JdbcClient jdbc;
    private final ChatService chats;
    private final MessageService messages;
    private final AuditLog audit;
    private final ChatAnswers<SendState> sendStates;

    Moderation(
            JdbcClient jdbc,
            ChatService chats,
            MessageService messages,
            AuditLog audit,
            SafetyProperties properties,
            @Value("${parta.cluster.enabled:false}") boolean cluster) {
        this.sendStates = ChatAnswers.onThisNode(properties.policyCacheTtl(), cluster);
        this.jdbc = jdbc;
        this.chats = chats;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public Verdict check(Attempt attempt) {
        if (attempt.manager()) {
            return Verdict.ALLOW;
        }
        SendState state = sendStates.get(attempt.chatId(), this::sendState);
        Instant until = state.mutes().get(attempt.senderId());
        if (until != null && until.isAfter(Instant.now())) {
            throw new SafetyErrors.Muted(until);
        }
        if (state.lessonMode()) {
            throw ApiException.forbidden("LESSON_MODE");
        }
        return Verdict.ALLOW;
    }

    @Override
    public void stored(Attempt attempt, MessageView message, Verdict verdict) {
        if (verdict.flag() != null) {
            jdbc.sql("""
                            insert into message_reports (chat_id, message_id, reporter_id, reason) values (?, ?, null, ?)
                            on conflict do nothing
                            """).params(message.chatId(), message.id(), verdict.flag()).update();
        }
    }

    Optional<Instant> mutedUntil(long chatId, long userId) {
        return jdbc.sql("select muted_until from chat_mutes where chat_id = ? and user_id = ? and muted_until > now()")
                .params(chatId, userId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    boolean lessonMode(long chatId) {
        return jdbc.sql("select exists(select 1 from chat_lesson_mode where chat_id = ?)")
                .param(chatId)
                .query(Boolean.class)
                .single();
    }

    /** What a send into the chat must know: lesson mode and the live mutes by user. */
    private record SendState(boolean lessonMode, Map<Long, Instant> mutes) {}

    /** One round trip for the chat's lesson mode and all its live mutes (a handful at most). */
    private SendState sendState(long chatId) {
        return jdbc.sql("""
                        select exists(select 1 from chat_lesson_mode where chat_id = :chat),
                               array(select user_id from chat_mutes where chat_id = :chat and muted_until > now()
                                     order by user_id),
                               array(select muted_until from chat_mutes where chat_id = :chat and muted_until > now()
                                     order by user_id)
                        """)
                .param("chat", chatId)
                .query((rs, n) -> {
                    Long[] users = (Long[]) rs.getArray(2).getArray();
                    java.sql.Timestamp[] until =
                            (java.sql.Timestamp[]) rs.getArray(3).getArray();
                    Map<Long, Instant> mutes = new java.util.HashMap<>();
                    for (int i = 0; i < users.length; i++) {
                        mutes.put(users[i], until[i].toInstant());
                    }
                    return new SendState(rs.getBoolean(1), Map.copyOf(mutes));
                })
                .single();
    }

    record Mute(long chatId, long userId, Instant mutedUntil) {}

    /** What a member's client shows: lesson mode, my own mute, and for moderators every live mute. */
    record State(boolean lessonMode, Instant mutedUntil, boolean moderator, java.util.List<Mute> mutes) {}

    State state(long userId, long chatId) {
        boolean moderator = chats.role(userId, chatId).manages();
        var mutes = moderator
                ? jdbc.sql("select user_id, muted_until from chat_mutes where chat_id = ? and muted_until > now()")
                        .param(chatId)
                        .query((rs, n) -> new Mute(
                                chatId, rs.getLong(1), rs.getTimestamp(2).toInstant()))
                        .list()
                : java.util.List.<Mute>of();
        return new State(lessonMode(chatId), mutedUntil(chatId, userId).orElse(null), moderator, mutes);
    }

    @Transactional
    Mute mute(long actorId, long chatId, long memberId, int minutes) {
        requireManager(actorId, chatId);
        if (minutes < 1 || minutes > MAX_MUTE_MINUTES) {
            throw ApiException.badRequest("INVALID_MINUTES");
        }
        MemberRole target = memberRole(chatId, memberId);
        if (target.manages()) {
            throw ApiException.forbidden("CANNOT_MUTE_ADMIN");
        }
        Instant until = Instant.now().plusSeconds(60L * minutes).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.sql("""
                        insert into chat_mutes (chat_id, user_id, muted_until, muted_by) values (?, ?, ?, ?)
                        on conflict (chat_id, user_id) do update set muted_until = excluded.muted_until,
                            muted_by = excluded.muted_by, created_at = now()
                        """)
                .params(chatId, memberId, java.sql.Timestamp.from(until), actorId)
                .update();
        sendStates.forget(chatId);
        audit.record(
                actorId,
                unitOf(chatId, actorId),
                "member.muted",
                Map.of("chatId", chatId, "userId", memberId, "minutes", minutes));
        chats.announce(
                chatId, "member.muted", Map.of("userId", memberId, "mutedUntil", until.toString(), "by", actorId));
        return new Mute(chatId, memberId, until);
    }

    @Transactional
    void unmute(long actorId, long chatId, long memberId) {
        requireManager(actorId, chatId);
        jdbc.sql("delete from chat_mutes where chat_id = ? and user_id = ?")
                .params(chatId, memberId)
                .update();
        sendStates.forget(chatId);
        audit.record(actorId, unitOf(chatId, actorId), "member.unmuted", Map.of("chatId", chatId, "userId", memberId));
        chats.announce(chatId, "member.unmuted", Map.of("userId", memberId, "by", actorId));
    }

    @Transactional
    boolean setLessonMode(long actorId, long chatId, boolean on) {
        requireManager(actorId, chatId);
        if (on) {
            jdbc.sql("insert into chat_lesson_mode (chat_id, set_by) values (?, ?) on conflict do nothing")
                    .params(chatId, actorId)
                    .update();
        } else {
            jdbc.sql("delete from chat_lesson_mode where chat_id = ?")
                    .param(chatId)
                    .update();
        }
        sendStates.forget(chatId);
        audit.record(actorId, unitOf(chatId, actorId), "chat.lesson-mode", Map.of("chatId", chatId, "on", on));
        chats.announce(chatId, "chat.lesson-mode", Map.of("on", on, "by", actorId));
        return on;
    }

    record Report(
            long id,
            long chatId,
            String chatTitle,
            long messageId,
            Long reporterId,
            String reason,
            Instant createdAt,
            long senderId,
            String text,
            boolean messageDeleted,
            String resolution) {}

    @Transactional
    long report(long userId, long chatId, long messageId, String reason) {
        messages.message(userId, chatId, messageId);
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 500) {
            throw ApiException.badRequest("INVALID_REASON");
        }
        return jdbc.sql("""
                        insert into message_reports (chat_id, message_id, reporter_id, reason) values (?, ?, ?, ?)
                        on conflict do nothing returning id
                        """)
                .params(chatId, messageId, userId, clean)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.conflict("ALREADY_REPORTED"));
    }

    private static final String REPORTS = """
            select r.*, c.title, m.sender_id, m.body, m.deleted_at from message_reports r
            join chats c on c.id = r.chat_id join messages m on m.id = r.message_id
            join chat_members cm on cm.chat_id = r.chat_id and cm.user_id = :user and cm.role in ('OWNER', 'ADMIN')
            """;

    /** Reports of the chats the caller owns or administers; open ones unless {@code all}. */
    List<Report> reports(long userId, boolean all, int limit) {
        return jdbc.sql(REPORTS + " where (:all or r.resolved_at is null) order by r.id desc limit :limit")
                .param("user", userId)
                .param("all", all)
                .param("limit", Math.clamp(limit, 1, 500))
                .query((rs, n) -> new Report(
                        rs.getLong("id"),
                        rs.getLong("chat_id"),
                        rs.getString("title"),
                        rs.getLong("message_id"),
                        (Long) rs.getObject("reporter_id"),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("sender_id"),
                        rs.getTimestamp("deleted_at") == null ? rs.getString("body") : null,
                        rs.getTimestamp("deleted_at") != null,
                        rs.getString("resolution")))
                .list();
    }

    /** Resolves a report, and every open report of the same message: DELETE deletes the message, DISMISS keeps it. */
    @Transactional
    void resolve(long userId, long reportId, boolean delete) {
        var report = jdbc.sql(REPORTS + " where r.id = :id")
                .param("user", userId)
                .param("id", reportId)
                .query((rs, n) -> new long[] {rs.getLong("chat_id"), rs.getLong("message_id")})
                .optional()
                .orElseThrow(() -> ApiException.notFound("REPORT_NOT_FOUND"));
        long chatId = report[0];
        long messageId = report[1];
        if (delete && !messages.message(userId, chatId, messageId).deleted()) {
            messages.delete(userId, chatId, messageId);
        }
        jdbc.sql("""
                        update message_reports set resolved_at = now(), resolved_by = ?, resolution = ?
                        where message_id = ? and resolved_at is null
                        """)
                .params(userId, delete ? "DELETED" : "DISMISSED", messageId)
                .update();
        audit.record(
                userId,
                unitOf(chatId, userId),
                delete ? "report.resolved-deleted" : "report.resolved-dismissed",
                Map.of("chatId", chatId, "messageId", messageId, "reportId", reportId));
    }

    private void requireManager(long userId, long chatId) {
        if (!chats.role(userId, chatId).manages()) {
            throw ApiException.forbidden("NOT_CHAT_ADMIN");
        }
    }

    private MemberRole memberRole(long chatId, long userId) {
        try {
            return chats.role(userId, chatId);
        } catch (ApiException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "MEMBER_NOT_FOUND");
        }
    }

    /** Where an action in a chat is filed: the chat's school if generated, else the acting person's home unit. */
    Long unitOf(long chatId, Long actorId) {
        Long unit = unitOf(chatId);
        if (unit == null && actorId != null) {
            unit = jdbc.sql(
                            "select home_unit_id from people where user_id = ? and archived_at is null order by id limit 1")
                    .param(actorId)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        }
        return unit;
    }

    /** The school (or other unit) a generated chat belongs to; null for ad-hoc chats. */
    Long unitOf(long chatId) {
        return jdbc.sql("""
                        with recursive up(id, kind, parent_id) as (
                            select u.id, u.kind, u.parent_id from units u
                            where u.id = (select generated_unit_id from chats where id = ?)
                            union select p.id, p.kind, p.parent_id from up join units p on p.id = up.parent_id
                            where up.kind not in ('SCHOOL', 'DEPARTMENT', 'REGION'))
                        select id from up where kind in ('SCHOOL', 'DEPARTMENT', 'REGION') limit 1
                        """).param(chatId).query(Long.class).optional().orElse(null);
    }
}
