package ru.parta.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-in sessions. Only the SHA-256 of a token is stored, so a database leak does not hand out live sessions. A
 * session is valid while it is neither revoked nor expired; authentication reads the database every time, so a
 * revocation takes effect at once on every node.
 */
@Repository
public class Sessions {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Resolves a bearer token, cookie value or stream token to its caller, if the session is live. */
    public Optional<CurrentUser> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select s.id, s.user_id, u.system_admin from sessions s join users u on u.id = s.user_id
                        where s.token_hash = ? and s.revoked_at is null and s.expires_at > now() and not u.disabled
                        """)
                .param(hash(token))
                .query((rs, n) ->
                        new CurrentUser(rs.getLong("user_id"), rs.getLong("id"), rs.getBoolean("system_admin")))
                .optional();
    }

    IssuedSession open(long userId, Instant expiresAt, String userAgent, String address) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        insert into sessions (token_hash, user_id, expires_at, user_agent, address)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(hash(token), userId, java.sql.Timestamp.from(expiresAt), truncate(userAgent), address)
                .query(Long.class)
                .single();
        return new IssuedSession(id, token, expiresAt);
    }

    List<SessionView> listFor(long userId, long currentSessionId) {
        return jdbc.sql("""
                        select id, created_at, expires_at, user_agent, address from sessions
                        where user_id = ? and revoked_at is null and expires_at > now() order by created_at desc
                        """)
                .param(userId)
                .query((rs, n) -> new SessionView(
                        rs.getLong("id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("user_agent"),
                        rs.getString("address"),
                        rs.getLong("id") == currentSessionId))
                .list();
    }

    /** Revokes one of the user's live sessions; false when there is none with that id. */
    boolean revoke(long userId, long sessionId) {
        return jdbc.sql("update sessions set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                        .params(sessionId, userId)
                        .update()
                == 1;
    }

    /** Revokes every live session of the user; returns their ids. */
    List<Long> revokeAll(long userId) {
        return jdbc.sql("update sessions set revoked_at = now() where user_id = ? and revoked_at is null returning id")
                .param(userId)
                .query(Long.class)
                .list();
    }

    /** Revokes every live session of the user except one (zero: all); returns their ids. */
    List<Long> revokeAllBut(long userId, long keepSessionId) {
        return jdbc.sql("update sessions set revoked_at = now() where user_id = ? and id <> ? and revoked_at is null"
                        + " returning id")
                .params(userId, keepSessionId)
                .query(Long.class)
                .list();
    }

    private static String truncate(String s) {
        return s == null ? null : s.substring(0, Math.min(200, s.length()));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedSession(long id, String token, Instant expiresAt) {}

    /** A live session as its owner sees it in the session list. */
    public record SessionView(
            long id, Instant createdAt, Instant expiresAt, String userAgent, String address, boolean current) {}
}
