package ru.parta.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import ru.parta.shared.ApiException;

/** The password policy without a server: weak shapes, personal words and the breached list. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    private String code(String password, String... personal) {
        try {
            policy.check(password, personal);
            return "OK";
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    void shipsTheCommonPasswordList() {
        assertThat(policy.listSize()).isGreaterThan(19_000);
    }

    @Test
    void refusesShortRepetitiveSequentialAndPersonalPasswords() {
        assertThat(code("abc12")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("aaaaaaaaaa")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("abababab")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("12345678")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("87654321")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("qwertyuiop")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("йцукенгш")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("20092011")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("ivanov-2011!", "ivanov")).isEqualTo("WEAK_PASSWORD");
        assertThat(code("my 9161234567 phone", "+79161234567".substring(2))).isEqualTo("WEAK_PASSWORD");
        assertThat(code("x".repeat(129) + "abc")).isEqualTo("WEAK_PASSWORD");
        assertThat(code(null)).isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void refusesBreachedPasswordsAlsoWithDigitsOrPunctuationAppended() {
        assertThat(code("password")).isEqualTo("BREACHED_PASSWORD");
        assertThat(code("Password2024!")).isEqualTo("BREACHED_PASSWORD");
        assertThat(code("iloveyou")).isEqualTo("BREACHED_PASSWORD");
        assertThat(code("sunshine1")).isEqualTo("BREACHED_PASSWORD");
    }

    @Test
    void acceptsTheDemoAndTestPasswords() {
        assertThat(code("parta-demo", "demo1")).isEqualTo("OK");
        assertThat(code("correct-horse-42", "u1-abc")).isEqualTo("OK");
        assertThat(code("secret-pass-1")).isEqualTo("OK");
        assertThat(code("Зимний вечер у реки")).isEqualTo("OK");
    }

    @Property(tries = 300)
    void everyPasswordShorterThanEightIsWeak(@ForAll @StringLength(max = 7) String password) {
        assertThat(code(password)).isEqualTo("WEAK_PASSWORD");
    }

    @Property(tries = 300)
    void neverFailsOtherwiseThanWithARefusal(@ForAll String password, @ForAll String login) {
        assertThatCode(() -> code(password, login)).doesNotThrowAnyException();
    }

    @Test
    void aRefusalIsABadRequest() {
        assertThatThrownBy(() -> policy.check("password"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
}
