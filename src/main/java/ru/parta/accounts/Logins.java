package ru.parta.accounts;

import java.util.Optional;
import java.util.regex.Pattern;
import ru.parta.shared.ApiException;

/** Normalisation of the three login forms: username, Russian phone number (to +7XXXXXXXXXX), e-mail. */
final class Logins {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private Logins() {}

    static Optional<String> normalisePhone(String raw) {
        String digits = raw.replaceAll("[\\s()\\-]", "");
        if (!digits.matches("\\+?\\d{10,15}")) {
            return Optional.empty();
        }
        digits = digits.replace("+", "");
        if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
            return Optional.of("+7" + digits.substring(1));
        }
        if (digits.length() == 10 && digits.startsWith("9")) {
            return Optional.of("+7" + digits);
        }
        return Optional.of("+" + digits);
    }

    static String checkUsername(String login) {
        if (login.contains("@")) {
            return checkEmail(login);
        }
        if (!USERNAME.matcher(login).matches()) {
            throw invalid("INVALID_LOGIN");
        }
        return login;
    }

    static String checkEmail(String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw invalid("INVALID_EMAIL");
        }
        return email;
    }

    static ApiException invalid(String code) {
        return ApiException.badRequest(code);
    }
}
