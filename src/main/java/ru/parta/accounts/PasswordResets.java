package ru.parta.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.shared.ApiException;

/**
 * One-time password-reset codes. Guarantees: only the SHA-256 of a code is stored; a code works once, until it
 * expires ({@code parta.accounts.reset-code-lifetime}), and issuing a new one voids the person's earlier codes; the
 * new password must pass the {@link PasswordPolicy}; a reset signs the account out everywhere. Who may issue a code
 * (an administrator who manages the person) and how often one may guess are decided by the caller.
 */
@Service
public class PasswordResets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Users users;
    private final Sessions sessions;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final AccountsProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(
            JdbcClient jdbc,
            Users users,
            Sessions sessions,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            AccountsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.passwords = passwords;
        this.tx = tx;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A code to hand to the person (shown once), and when it stops working. */
    public record Issued(String code, Instant expiresAt) {}

    /** Issues a fresh code for the account; earlier unused codes of the account stop working. */
    public Issued issue(long userId, long issuedBy) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (i == 4) {
                code.append('-');
            }
        }
        Instant expires = clock.instant().plus(properties.resetCodeLifetime());
        tx.executeWithoutResult(s -> {
            jdbc.sql("update password_resets set used_at = now() where user_id = ? and used_at is null")
                    .param(userId)
                    .update();
            jdbc.sql("insert into password_resets (user_id, code_hash, issued_by, expires_at) values (?, ?, ?, ?)")
                    .params(userId, Sessions.hash(normalise(code.toString())), issuedBy, Timestamp.from(expires))
                    .update();
        });
        return new Issued(code.toString(), expires);
    }

    /**
     * Sets a new password with a code; answers the account's id. {@code 404 RESET_CODE_INVALID} for an unknown, used or
     * expired code; {@code WEAK_PASSWORD} / {@code BREACHED_PASSWORD} leave the code usable.
     */
    public long redeem(String code, String password) {
        byte[] hash = Sessions.hash(normalise(code == null ? "" : code));
        long userId = jdbc.sql("select user_id from password_resets where code_hash = ? and used_at is null"
                        + " and expires_at > ?")
                .params(hash, Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("RESET_CODE_INVALID"));
        var p = users.find(userId).orElseThrow(() -> ApiException.notFound("RESET_CODE_INVALID"));
        policy.check(password, p.login(), p.surname(), p.name(), p.phone(), p.email());
        String encoded = passwords.encode(password);
        List<Long> revoked = tx.execute(s -> {
            int claimed = jdbc.sql("update password_resets set used_at = now() where code_hash = ? and used_at is null")
                    .param(hash)
                    .update();
            if (claimed != 1) {
                throw ApiException.notFound("RESET_CODE_INVALID");
            }
            users.setPasswordHash(userId, encoded);
            return sessions.revokeAllBut(userId, 0);
        });
        for (long sessionId : revoked) {
            events.publishEvent(new SessionRevoked(userId, sessionId));
        }
        return userId;
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }
}
