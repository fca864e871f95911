package ru.parta.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code users} table. Logins and e-mails are unique regardless of case; phones are stored as +7…. */
@Repository
public class Users {

    private static final RowMapper<UserProfile> PROFILE = (rs, n) -> new UserProfile(
            rs.getLong("id"),
            rs.getString("login"),
            rs.getString("surname"),
            rs.getString("name"),
            rs.getString("patronymic"),
            rs.getString("phone"),
            rs.getString("email"),
            rs.getBoolean("system_admin"));

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserProfile> find(long id) {
        return jdbc.sql("select * from users where id = ? and not disabled")
                .param(id)
                .query(PROFILE)
                .optional();
    }

    /** Whether {@code viewer} shares a chat with {@code userId}, or reads a chat with messages from them. */
    boolean knownTo(long userId, long viewer) {
        return jdbc.sql("""
                        select exists(select 1 from chat_members a join chat_members b on b.chat_id = a.chat_id
                                      where a.user_id = :viewer and b.user_id = :user)
                            or exists(select 1 from messages m join chat_members a on a.chat_id = m.chat_id
                                      where a.user_id = :viewer and m.sender_id = :user)
                        """)
                .param("viewer", viewer)
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }

    public List<UserProfile> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from users where id = any(?) and not disabled")
                .param(ids.toArray(Long[]::new))
                .query(PROFILE)
                .list();
    }

    /** Ids of the given accounts that exist and are enabled. */
    public List<Long> existing(Collection<Long> ids) {
        return findAll(ids).stream().map(UserProfile::id).toList();
    }

    Optional<Credentials> credentialsFor(String login) {
        return jdbc.sql("""
                        select id, password_hash, system_admin from users
                        where not disabled and (lower(login) = lower(:l) or phone = :p or lower(email) = lower(:l))
                        order by id limit 1
                        """)
                .param("l", login)
                .param("p", Logins.normalisePhone(login).orElse(login))
                .query((rs, n) ->
                        new Credentials(rs.getLong("id"), rs.getString("password_hash"), rs.getBoolean("system_admin")))
                .optional();
    }

    long insert(NewUser user, String passwordHash) {
        return jdbc.sql("""
                        insert into users (login, surname, name, patronymic, phone, email, password_hash, system_admin)
                        values (:login, :surname, :name, :patronymic, :phone, :email, :hash, :admin) returning id
                        """)
                .param("login", user.login())
                .param("surname", user.surname())
                .param("name", user.name())
                .param("patronymic", user.patronymic())
                .param("phone", user.phone())
                .param("email", user.email())
                .param("hash", passwordHash)
                .param("admin", Boolean.TRUE.equals(user.systemAdmin()))
                .query(Long.class)
                .single();
    }

    boolean loginTaken(String login, String phone, String email) {
        return jdbc.sql("""
                        select exists(select 1 from users where lower(login) = lower(:login)
                           or (:phone::text is not null and phone = :phone)
                           or (:email::text is not null and lower(email) = lower(:email)))
                        """)
                .param("login", login)
                .param("phone", phone)
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    void setPasswordHash(long id, String hash) {
        jdbc.sql("update users set password_hash = ? where id = ?")
                .params(hash, id)
                .update();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from users where id = ? and not disabled")
                .param(id)
                .query(String.class)
                .optional();
    }

    void anonymise(long id) {
        jdbc.sql("""
                        update users set login = 'deleted-' || id, surname = 'Удалённый', name = 'пользователь',
                            patronymic = null, phone = null, email = null, password_hash = '!', disabled = true,
                            system_admin = false, erased_at = now()
                        where id = ?
                        """).param(id).update();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    record Credentials(long userId, String passwordHash, boolean systemAdmin) {}
}
