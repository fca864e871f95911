package ru.parta.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * The TOTP second factor with the production rule on: a system administrator must enrol before anything else;
 * anyone may enrol; sign-in then needs a fresh code, never one already used; wrong codes back off. Codes are
 * computed here from the secret the server hands out.
 */
@IntegrationTest
@TestPropertySource(properties = "parta.accounts.totp-required-for-system-admins=true")
class SystemAdminTotpIntegrationTests {

    @Autowired
    Api api;

    private static String code(String secret, int offset) {
        return Totp.code(secret, Totp.step(Instant.now()) + offset);
    }

    private Api.Response login(Api.Session s, String totp) {
        return api.post(
                null,
                "/api/v1/auth/login",
                totp == null
                        ? Map.of("login", s.login(), "password", Api.PASSWORD)
                        : Map.of("login", s.login(), "password", Api.PASSWORD, "totp", totp));
    }

    /** 101 when the stream opens, else the handshake's HTTP status. */
    private int streamHandshakeStatus(Api.Session s) {
        try {
            java.net.http.HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                            java.net.URI.create("ws://127.0.0.1:" + api.streamPort(api.newUser("Порт"))
                                    + "/api/v1/stream?token=" + s.token()),
                            new java.net.http.WebSocket.Listener() {})
                    .join()
                    .abort();
            return 101;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Test
    void systemAdminMustEnrolBeforeAnythingElseThenSignsInWithFreshCodesOnly() {
        var admin = api.newUser("Сисадминтотп", true);
        var blocked = api.get(admin, "/api/v1/chats");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("TOTP_ENROLMENT_REQUIRED");
        assertThat(api.get(admin, "/api/v1/units").code()).isEqualTo("TOTP_ENROLMENT_REQUIRED");
        assertThat(streamHandshakeStatus(admin)).as("nor through the stream").isEqualTo(403);
        assertThat(api.get(admin, "/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get(admin, "/api/v1/me/totp").json().get("required").asBoolean())
                .isTrue();

        var enrolment = api.post(admin, "/api/v1/me/totp", Map.of()).json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("uri").asString())
                .startsWith("otpauth://totp/Parta:")
                .contains("secret=" + secret);
        assertThat(enrolment.get("qrPng").asString()).startsWith("data:image/png;base64,");
        var wrong = api.post(admin, "/api/v1/me/totp/confirm", Map.of("code", "000000"));
        assertThat(wrong.code()).isIn("TOTP_INVALID");
        assertThat(api.get(admin, "/api/v1/chats").code()).isEqualTo("TOTP_ENROLMENT_REQUIRED");
        long step = Totp.step(Instant.now());
        assertThat(api.post(admin, "/api/v1/me/totp/confirm", Map.of("code", Totp.code(secret, step)))
                        .status())
                .isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/chats").status()).isEqualTo(200);
        assertThat(streamHandshakeStatus(admin)).isEqualTo(101);

        var withoutCode = login(admin, null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.code()).isEqualTo("TOTP_REQUIRED");
        var replayed = login(admin, Totp.code(secret, step));
        assertThat(replayed.code()).as("the confirmation's code is spent").isEqualTo("TOTP_INVALID");
        String next = Totp.code(secret, step + 1);
        assertThat(login(admin, next).status()).isEqualTo(200);
        assertThat(login(admin, next).code()).as("no code twice").isEqualTo("TOTP_INVALID");
    }

    @Test
    void anyoneMayEnrolAndDisableWithACodeAndWrongCodesBackOff() {
        var teacher = api.newUser("Учительтотп");
        assertThat(api.get(teacher, "/api/v1/chats").status()).isEqualTo(200);
        String secret = api.post(teacher, "/api/v1/me/totp", Map.of())
                .json()
                .get("secret")
                .asString();
        assertThat(api.post(teacher, "/api/v1/me/totp/confirm", Map.of("code", code(secret, 0)))
                        .status())
                .isEqualTo(204);
        assertThat(api.post(teacher, "/api/v1/me/totp", Map.of()).code()).isEqualTo("TOTP_ALREADY_ENROLLED");
        // Five wrong codes are free; the sixth starts the back-off, which then refuses even a right code.
        for (int i = 0; i < 6; i++) {
            assertThat(login(teacher, "12345x").code()).isEqualTo("TOTP_INVALID");
        }
        var backedOff = login(teacher, code(secret, 1));
        assertThat(backedOff.status()).isEqualTo(429);
        assertThat(backedOff.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        var disableWrong = api.send(teacher, "DELETE", "/api/v1/me/totp", Map.of("code", "000000"));
        assertThat(disableWrong.status()).isEqualTo(429);
        assertThat(api.get(teacher, "/api/v1/me/totp").json().get("enrolled").asBoolean())
                .isTrue();
    }
}
