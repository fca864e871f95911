package ru.parta.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** TOTP against the test vectors of RFC 6238 (SHA-1, last six digits) and Base32 against RFC 4648. */
class TotpTests {

    private static final String RFC_SECRET = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void encodesBase32AsRfc4648WithoutPadding() {
        assertThat(Totp.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
    }

    @Property(tries = 200)
    void base32RoundTrips(@ForAll byte[] bytes) {
        assertThat(Totp.decode(Totp.encode(bytes))).isEqualTo(bytes);
    }
}
