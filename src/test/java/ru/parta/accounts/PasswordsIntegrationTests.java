package ru.parta.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** Password rules where people choose passwords: creation by an administrator and change by the owner. */
@IntegrationTest
class PasswordsIntegrationTests {

    @Autowired
    Api api;

    @Test
    void administratorCannotCreateAnAccountWithAWeakOrBreachedPasswordAndNothingIsCreated() {
        var admin = api.newUser("Админпароль", true);
        String login = "pw-" + System.nanoTime();
        var breached = api.post(
                admin,
                "/api/v1/admin/users",
                Map.of("login", login, "surname", "Х", "name", "Y", "password", "Sunshine2024!"));
        assertThat(breached.status()).isEqualTo(400);
        assertThat(breached.code()).isEqualTo("BREACHED_PASSWORD");
        var weak = api.post(
                admin,
                "/api/v1/admin/users",
                Map.of("login", login, "surname", "Х", "name", "Y", "password", login + "-x"));
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
        assertThat(api.post(null, "/api/v1/auth/login", Map.of("login", login, "password", "Sunshine2024!"))
                        .status())
                .isEqualTo(401);
        var created = api.post(
                admin,
                "/api/v1/admin/users",
                Map.of("login", login, "surname", "Х", "name", "Y", "password", "Зимний вечер у реки"));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneRefusesWeakOnesAndSignsOutOtherSessions() {
        var me = api.newUser("Сменапароля");
        var other = api.login(me.login(), me.userId());
        var wrong = api.post(
                me, "/api/v1/me/password", Map.of("current", "not-my-password", "password", "new-strong-pass-9"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");
        var breached = api.post(me, "/api/v1/me/password", Map.of("current", Api.PASSWORD, "password", "qwerty123"));
        assertThat(breached.code()).isIn("BREACHED_PASSWORD", "WEAK_PASSWORD");
        assertThat(api.get(other, "/api/v1/me").status()).isEqualTo(200);

        var changed =
                api.post(me, "/api/v1/me/password", Map.of("current", Api.PASSWORD, "password", "new-strong-pass-9"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get(me, "/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get(other, "/api/v1/me").status()).isEqualTo(401);
        assertThat(api.login(me.login(), me.userId(), "new-strong-pass-9").userId())
                .isEqualTo(me.userId());
    }
}
