package ru.parta.invitations;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Activation codes: ten characters from a 31-character alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * {@code XXXXX-XXXXX}: 31^10 ≈ 8·10^14 codes (≈ 49.5 bits). With per-address back-off on wrong codes, guessing one
 * of a district's codes is hopeless. Typed input is forgiven: case, spaces, dashes, and Cyrillic letters that look like
 * Latin ones (a child copying «АВС» from paper).
 */
final class ActivationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String CYRILLIC = "АВЕКМНОРСТУХЗ";
    private static final String LATIN = "ABEKMHOPCTYX3";

    private final SecureRandom random = new SecureRandom();

    String generate() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical {@code XXXXX-XXXXX} form of typed input, or empty when it cannot be a code. */
    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            int cyr = CYRILLIC.indexOf(c);
            char latin = cyr >= 0 ? LATIN.charAt(cyr) : c;
            if (latin == 'O') {
                latin = '0';
            }
            if (ALPHABET.indexOf(latin) >= 0) {
                clean.append(latin);
            } else if (!Character.isWhitespace(latin) && latin != '-') {
                return Optional.empty();
            }
        }
        if (clean.length() != 10) {
            return Optional.empty();
        }
        return Optional.of(clean.substring(0, 5) + "-" + clean.substring(5));
    }
}
