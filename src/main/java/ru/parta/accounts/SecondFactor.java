package ru.parta.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import ru.parta.documents.QrCodes;
import ru.parta.shared.ApiException;
import ru.parta.shared.Backoff;

/**
 * The TOTP second factor. Guarantees: a code is accepted only within one step (30 s) either side of now and only once
 * (each accepted step is recorded and no earlier or equal step is accepted again); after five wrong codes for an
 * account each further one starts an exponential back-off ({@code 429 TOO_MANY_ATTEMPTS}). An enrolment counts only
 * once confirmed with a code, so a half-finished enrolment never locks anyone out. Hazard: the secret is stored as is
 * (a TOTP server must be able to compute codes); database backups must be protected accordingly.
 */
@Service
public class SecondFactor {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QrCodes qr;
    private final Users users;
    private final AccountsProperties properties;
    private final Backoff wrongCodes;
    /** Off in demo mode: the demo's well-known administrator (and the load tool that signs in as it) stays usable. */
    private final boolean requiredForSystemAdmins;

    private final SecureRandom random = new SecureRandom();

    SecondFactor(
            JdbcClient jdbc,
            Clock clock,
            QrCodes qr,
            Users users,
            AccountsProperties properties,
            ru.parta.shared.RateCounters counters,
            @org.springframework.beans.factory.annotation.Value("${parta.demo.enabled:false}") boolean demo) {
        this.requiredForSystemAdmins = properties.totpRequiredForSystemAdmins() && !demo;
        this.jdbc = jdbc;
        this.clock = clock;
        this.qr = qr;
        this.users = users;
        this.properties = properties;
        this.wrongCodes = new Backoff("totp.user", 5, properties.maxBackoff(), counters);
    }

    /** A new, unconfirmed secret: the Base32 text, the {@code otpauth://} URI and its QR code as a PNG data URI. */
    public record Enrolment(String secret, String uri, String qrPng) {}

    public record Status(boolean enrolled, boolean required) {}

    private record Secret(String secret, boolean confirmed, long lastStep) {}

    public Status status(CurrentUser user) {
        return new Status(enrolled(user.userId()), required(user));
    }

    /** Whether this caller must enrol before doing anything else: a system administrator without a confirmed factor. */
    public boolean enrolmentPending(CurrentUser user) {
        return required(user) && !enrolled(user.userId());
    }

    private boolean required(CurrentUser user) {
        return user.systemAdmin() && requiredForSystemAdmins;
    }

    public boolean enrolled(long userId) {
        return find(userId).map(Secret::confirmed).orElse(false);
    }

    /** Starts (or restarts) enrolment; refused with {@code 409 TOTP_ALREADY_ENROLLED} once confirmed. */
    public Enrolment enrol(CurrentUser user) {
        if (enrolled(user.userId())) {
            throw ApiException.conflict("TOTP_ALREADY_ENROLLED");
        }
        byte[] key = new byte[20];
        random.nextBytes(key);
        String secret = Totp.encode(key);
        jdbc.sql("""
                        insert into totp_secrets (user_id, secret) values (?, ?)
                        on conflict (user_id) do update set secret = excluded.secret, last_step = 0, created_at = now()
                        """).params(user.userId(), secret).update();
        String login = users.find(user.userId()).map(UserProfile::login).orElse("user");
        String issuer = properties.totpIssuer();
        String uri = "otpauth://totp/" + UriUtils.encodePathSegment(issuer + ":" + login, StandardCharsets.UTF_8)
                + "?secret=" + secret + "&issuer=" + UriUtils.encodeQueryParam(issuer, StandardCharsets.UTF_8)
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(qr.png(uri, 240));
        return new Enrolment(secret, uri, png);
    }

    /** Confirms enrolment with a code from the app; {@code 404 TOTP_NOT_STARTED} without a pending enrolment. */
    public void confirm(CurrentUser user, String code) {
        var secret = find(user.userId())
                .filter(s -> !s.confirmed())
                .orElseThrow(() -> ApiException.notFound("TOTP_NOT_STARTED"));
        verify(user.userId(), secret, code);
        jdbc.sql("update totp_secrets set confirmed_at = now() where user_id = ?")
                .param(user.userId())
                .update();
    }

    /** Turns the factor off, with a current code; {@code 404 TOTP_NOT_ENROLLED} when there is none. */
    public void disable(CurrentUser user, String code) {
        var secret = find(user.userId())
                .filter(Secret::confirmed)
                .orElseThrow(() -> ApiException.notFound("TOTP_NOT_ENROLLED"));
        verify(user.userId(), secret, code);
        jdbc.sql("delete from totp_secrets where user_id = ?")
                .param(user.userId())
                .update();
    }

    /** At sign-in, after the password: an enrolled account needs a valid code ({@code 401 TOTP_REQUIRED}). */
    void checkAtLogin(long userId, String code) {
        var secret = find(userId).filter(Secret::confirmed);
        if (secret.isEmpty()) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "TOTP_REQUIRED");
        }
        verify(userId, secret.get(), code);
    }

    private void verify(long userId, Secret secret, String code) {
        String key = "totp:" + userId;
        Duration wait = wrongCodes.waitFor(key);
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", wait.toSeconds() + 1);
        }
        String typed = code == null ? "" : code.replace(" ", "").strip();
        long now = Totp.step(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            boolean matches = MessageDigest.isEqual(
                    typed.getBytes(StandardCharsets.US_ASCII),
                    Totp.code(secret.secret(), step).getBytes(StandardCharsets.US_ASCII));
            if (matches && step > secret.lastStep() && claim(userId, step)) {
                wrongCodes.succeeded(key);
                return;
            }
        }
        wrongCodes.failed(key);
        throw new ApiException(HttpStatus.UNAUTHORIZED, "TOTP_INVALID");
    }

    /** Records the step as used; false when a concurrent request used it (or a later one) first. */
    private boolean claim(long userId, long step) {
        return jdbc.sql("update totp_secrets set last_step = ? where user_id = ? and last_step < ?")
                        .params(step, userId, step)
                        .update()
                == 1;
    }

    private java.util.Optional<Secret> find(long userId) {
        return jdbc.sql("select secret, confirmed_at is not null as confirmed, last_step from totp_secrets"
                        + " where user_id = ?")
                .param(userId)
                .query((rs, n) ->
                        new Secret(rs.getString("secret"), rs.getBoolean("confirmed"), rs.getLong("last_step")))
                .optional();
    }
}
