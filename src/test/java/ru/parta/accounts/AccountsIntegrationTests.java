package ru.parta.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class AccountsIntegrationTests {

    @Autowired
    Api api;

    @Test
    void signsInWithPasswordAndReadsOwnProfile() {
        var user = api.newUser("Петров");
        var me = api.get(user, "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("surname").asString()).isEqualTo("Петров");
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void loginSetsAnHttpOnlyStrictCookie() throws Exception {
        var user = api.newUser("Куки");
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"login\":\"" + user.login() + "\",\"password\":\"" + Api.PASSWORD + "\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("PARTA_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void rejectsWrongPasswordWithCodeAndRussianMessage() {
        var user = api.newUser("Сидоров");
        var r = api.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", "wrong-password"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(r.json().get("message").asString()).isEqualTo("Неверный логин или пароль.");
    }

    @Test
    void backsOffAfterRepeatedFailuresForTheAccount() {
        var user = api.newUser("Перебор");
        for (int i = 0; i < 5; i++) {
            var r = api.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", "nope-" + i));
            assertThat(r.status()).isEqualTo(401);
        }
        api.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", "nope-6"));
        var blocked = api.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", Api.PASSWORD));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void logoutAndRevokeEndTheSession() {
        var user = api.newUser("Выход");
        var second = api.login(user.login(), user.userId());
        var sessions = api.get(user, "/api/v1/me/sessions").list();
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(2);
        long secondId = sessions.stream()
                .filter(s -> !s.get("current").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(api.send(user, "DELETE", "/api/v1/me/sessions/" + secondId, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(second, "/api/v1/me").status()).isEqualTo(401);

        assertThat(api.post(user, "/api/v1/auth/logout", null).status()).isEqualTo(204);
        var after = api.get(user, "/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void cannotRevokeSomeoneElsesSession() {
        var a = api.newUser("Чужой");
        var b = api.newUser("Свой");
        long bSession =
                api.get(b, "/api/v1/me/sessions").list().getFirst().get("id").asLong();
        var r = api.send(a, "DELETE", "/api/v1/me/sessions/" + bSession, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(api.get(b, "/api/v1/me").status()).isEqualTo(200);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void expiredSessionIsRejected() {
        var user = api.newUser("Просроченный");
        assertThat(api.get(user, "/api/v1/me").status()).isEqualTo(200);
        jdbc.sql("update sessions set expires_at = now() - interval '1 minute' where user_id = ?")
                .param(user.userId())
                .update();
        var r = api.get(user, "/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void forgedTokenIsRejected() {
        var forged = new Api.Session(1, "x", "forged-token-value");
        var r = api.get(forged, "/api/v1/chats");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void administratorCreatesPupilWithoutPhoneOrEmail() {
        var admin = api.newUser("Админ", true);
        Map<String, Object> pupil = new HashMap<>();
        pupil.put("login", "pupil-" + System.nanoTime());
        pupil.put("surname", "Ученикова");
        pupil.put("name", "Аня");
        pupil.put("password", "school-pass-1");
        var r = api.post(admin, "/api/v1/admin/users", pupil);
        assertThat(r.status()).isEqualTo(201);
        assertThat(api.post(
                                null,
                                "/api/v1/auth/login",
                                Map.of("login", pupil.get("login"), "password", "school-pass-1"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void phoneLoginIsNormalised() {
        var admin = api.newUser("Админ2", true);
        String digits = String.valueOf(9_000_000_000L + System.nanoTime() % 999_999_999L);
        var r = api.post(
                admin,
                "/api/v1/admin/users",
                Map.of(
                        "surname",
                        "Телефонов",
                        "name",
                        "Иван",
                        "phone",
                        "8 (" + digits.substring(0, 3) + ") " + digits.substring(3),
                        "password",
                        "phone-pass-1"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("login").asString()).isEqualTo("+7" + digits);
        var login = api.post(null, "/api/v1/auth/login", Map.of("login", "+7" + digits, "password", "phone-pass-1"));
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void ordinaryUserCannotCreateAccountsAndNothingIsCreated() {
        var user = api.newUser("Обычный");
        String login = "sneaky-" + System.nanoTime();
        var r = api.post(
                user,
                "/api/v1/admin/users",
                Map.of("login", login, "surname", "Х", "name", "Y", "password", "whatever-pass-7"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("ADMIN_ONLY");
        assertThat(api.post(null, "/api/v1/auth/login", Map.of("login", login, "password", "whatever-pass-7"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void duplicateLoginIsAConflict() {
        var admin = api.newUser("Админ3", true);
        var existing = api.newUser("Занятый");
        var r = api.post(
                admin,
                "/api/v1/admin/users",
                Map.of(
                        "login",
                        existing.login().toUpperCase(),
                        "surname",
                        "Х",
                        "name",
                        "Y",
                        "password",
                        "whatever-pass-7"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("LOGIN_TAKEN");
    }
}
