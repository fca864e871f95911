package ru.parta.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** Guessing codes is stopped: after the free wrong attempts, even a valid code is refused until the wait is over. */
@IntegrationTest
@TestPropertySource(properties = "parta.invitations.free-wrong-codes=5")
class ActivationBruteForceIntegrationTests {

    @Autowired
    Api api;

    @Test
    void wrongCodesBackOffPerAddress() {
        for (int i = 0; i < 5; i++) {
            var r = api.post(null, "/api/v1/activation/check", Map.of("code", "AAAAA-AAAA" + (2 + i)));
            assertThat(r.code()).isEqualTo("CODE_INVALID");
        }
        api.post(null, "/api/v1/activation/check", Map.of("code", "AAAAA-AAAA9"));
        var blocked = api.post(null, "/api/v1/activation/check", Map.of("code", "BBBBB-BBBBB"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        var activation =
                api.post(null, "/api/v1/activation", Map.of("code", "BBBBB-BBBBB", "password", "secret-pass-1"));
        assertThat(activation.status()).isEqualTo(429);
    }

    @Test
    void codesAreNormalisedFromTypedInput() {
        assertThat(ActivationCodes.normalise(" abcde fghjk ")).contains("ABCDE-FGHJK");
        assertThat(ActivationCodes.normalise("АВС23-45678")).contains("ABC23-45678");
        assertThat(ActivationCodes.normalise("ABCDE-FGHJ")).isEmpty();
        assertThat(ActivationCodes.normalise("ABCDE-FGHJ1")).isEmpty();
        assertThat(new ActivationCodes().generate()).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
    }
}
