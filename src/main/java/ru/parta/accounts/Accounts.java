package ru.parta.accounts;

import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.shared.ApiException;

/**
 * Sign-in, sign-out and account creation. Passwords are hashed with bcrypt outside any transaction, so slow hashing
 * never holds a database connection. A failed login looks the same whether the login exists or not.
 */
@Service
public class Accounts {

    private final Users users;
    private final Sessions sessions;
    private final LoginBackoff backoff;
    private final PasswordEncoder passwords;
    private final AccountsProperties properties;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final SecondFactor secondFactor;
    private final String dummyHash;

    Accounts(
            Users users,
            Sessions sessions,
            LoginBackoff backoff,
            PasswordEncoder passwords,
            AccountsProperties properties,
            ApplicationEventPublisher events,
            PasswordPolicy policy,
            TransactionTemplate tx,
            SecondFactor secondFactor) {
        this.users = users;
        this.sessions = sessions;
        this.backoff = backoff;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.policy = policy;
        this.tx = tx;
        this.secondFactor = secondFactor;
        this.dummyHash = passwords.encode("parta-timing-equaliser");
    }

    /**
     * Checks the password, then the TOTP code of an account that has one ({@code 401 TOTP_REQUIRED} without it,
     * {@code 401 TOTP_INVALID} when wrong), and opens a session; refuses with TOO_MANY_ATTEMPTS while backing off.
     */
    public SignedIn login(String login, String password, String totp, String userAgent, String address) {
        Duration wait = backoff.waitFor(login, address);
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", wait.toSeconds() + 1);
        }
        var credentials = users.credentialsFor(login.strip());
        boolean ok = passwords.matches(
                password, credentials.map(Users.Credentials::passwordHash).orElse(dummyHash));
        if (credentials.isEmpty() || !ok) {
            backoff.failed(login, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS");
        }
        long userId = credentials.get().userId();
        secondFactor.checkAtLogin(userId, totp);
        backoff.succeeded(login);
        var issued =
                sessions.open(userId, java.time.Instant.now().plus(properties.sessionLifetime()), userAgent, address);
        return new SignedIn(
                issued.token(), issued.expiresAt(), users.find(userId).orElseThrow());
    }

    public void logout(CurrentUser user) {
        revoke(user, user.sessionId());
    }

    public void revoke(CurrentUser user, long sessionId) {
        if (!sessions.revoke(user.userId(), sessionId)) {
            throw ApiException.notFound("SESSION_NOT_FOUND");
        }
        events.publishEvent(new SessionRevoked(user.userId(), sessionId));
    }

    public List<Sessions.SessionView> sessions(CurrentUser user) {
        return sessions.listFor(user.userId(), user.sessionId());
    }

    /** Creates an account; only system administrators may create another system administrator. */
    public UserProfile create(CurrentUser creator, NewUser request) {
        if (!creator.systemAdmin()) {
            throw ApiException.forbidden("ADMIN_ONLY");
        }
        return createChecked(request);
    }

    /**
     * Creates an account whose password the person chose (activation, creation by an administrator): the password
     * must pass the {@link PasswordPolicy} ({@code WEAK_PASSWORD}, {@code BREACHED_PASSWORD}).
     */
    public UserProfile createChecked(NewUser request) {
        policy.check(
                request.password(),
                request.login(),
                request.surname(),
                request.name(),
                request.phone(),
                request.email());
        return createTrusted(request);
    }

    /**
     * Changes the caller's password: the current one must be given ({@code 403 WRONG_PASSWORD}), the new one must pass
     * the {@link PasswordPolicy}. Every other session of the account is revoked (their streams close).
     */
    public void changePassword(CurrentUser user, String current, String next) {
        if (!checkPassword(user.userId(), current)) {
            throw ApiException.forbidden("WRONG_PASSWORD");
        }
        requireStrong(user.userId(), next);
        setPassword(user.userId(), next, user.sessionId());
    }

    /** Refuses a password that fails the {@link PasswordPolicy} for this account (its login, names and contacts). */
    public void requireStrong(long userId, String password) {
        var p = users.find(userId).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND"));
        policy.check(password, p.login(), p.surname(), p.name(), p.phone(), p.email());
    }

    /**
     * Stores a password already checked against the policy and revokes every session but {@code keepSessionId} (zero
     * keeps none). Hashing happens before the transaction that stores it.
     */
    public void setPassword(long userId, String password, long keepSessionId) {
        String hash = passwords.encode(password);
        List<Long> revoked = tx.execute(status -> {
            users.setPasswordHash(userId, hash);
            return sessions.revokeAllBut(userId, keepSessionId);
        });
        for (long sessionId : revoked) {
            events.publishEvent(new SessionRevoked(userId, sessionId));
        }
    }

    /** Creates an account for a caller already authorised by its own module (roster import, demo seeding). */
    @Transactional
    public UserProfile createTrusted(NewUser request) {
        NewUser user = request.normalised();
        if (users.loginTaken(user.login(), user.phone(), user.email())) {
            throw ApiException.conflict("LOGIN_TAKEN");
        }
        long id = users.insert(user, passwords.encode(user.password()));
        return users.find(id).orElseThrow();
    }

    /**
     * Creates many accounts at once for a trusted caller (demo seeding, bulk creation of pupils' accounts with a
     * shared first password): each distinct password is hashed once, since hashing is deliberately slow.
     */
    @Transactional
    public List<UserProfile> createAllTrusted(List<NewUser> requests) {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        List<UserProfile> created = new java.util.ArrayList<>();
        for (NewUser request : requests) {
            NewUser user = request.normalised();
            if (users.loginTaken(user.login(), user.phone(), user.email())) {
                throw ApiException.conflict("LOGIN_TAKEN");
            }
            String hash = hashes.computeIfAbsent(user.password(), passwords::encode);
            created.add(users.find(users.insert(user, hash)).orElseThrow());
        }
        return created;
    }

    /** Whether the password is the account's own, to confirm a destructive action such as erasure. */
    public boolean checkPassword(long userId, String password) {
        return password != null
                && users.passwordHash(userId)
                        .map(hash -> passwords.matches(password, hash))
                        .orElse(false);
    }

    /**
     * Erases an account (152-ФЗ): name replaced by «Удалённый пользователь», login, phone, e-mail and password gone,
     * the account disabled and every session revoked (open streams close). Messages stay, under the new name.
     */
    @Transactional
    public void erase(long userId) {
        users.anonymise(userId);
        for (long sessionId : sessions.revokeAll(userId)) {
            events.publishEvent(new SessionRevoked(userId, sessionId));
        }
    }

    public boolean anyUsers() {
        return users.count() > 0;
    }

    /** A successful sign-in: the token to present as cookie, bearer or stream token. */
    public record SignedIn(String token, java.time.Instant expiresAt, UserProfile user) {}
}
