package ru.parta.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.parta.shared.ApiException;

/**
 * What a new password must be, wherever a person chooses one (activation, change, reset, creation by an administrator):
 * 8–128 characters; at least 4 different characters; not all digits unless 12 or more; not a run of neighbouring
 * characters or keys ({@code 12345678}, {@code qwertyui}, {@code йцукенгш}); not containing the login, name, phone or
 * e-mail name → {@code 400 WEAK_PASSWORD}. And not one of the ~20,000 most common passwords, compared case-blind and
 * also with trailing digits and punctuation removed ({@code Password2024!}) → {@code 400 BREACHED_PASSWORD}. The list
 * ({@code common-passwords.txt.gz}, from Django's password validation, BSD licence; see NOTICE beside it) is read
 * once, offline: no password ever leaves the server.
 */
@Component
public class PasswordPolicy {

    private static final List<String> RUNS = List.of(
            "0123456789",
            "abcdefghijklmnopqrstuvwxyz",
            "qwertyuiop",
            "asdfghjkl",
            "zxcvbnm",
            "1qaz2wsx3edc4rfv5tgb",
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "йцукенгшщзхъ",
            "фывапролджэ",
            "ячсмитьбю");

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Refuses a weak or common password; {@code personal} are the account's own words (login, names, contacts). */
    public void check(String password, String... personal) {
        if (password == null) {
            throw weak();
        }
        int length = password.codePointCount(0, password.length());
        if (length < 8 || length > 128 || password.codePoints().distinct().count() < 4) {
            throw weak();
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(Character::isDigit) && length < 12) {
            throw weak();
        }
        for (String run : RUNS) {
            if (run.contains(lower)
                    || new StringBuilder(run).reverse().toString().contains(lower)) {
                throw weak();
            }
        }
        for (String word : personal) {
            String w = word == null
                    ? ""
                    : word.toLowerCase(Locale.ROOT).replaceAll("@.*$", "").replace("+", "");
            if (w.length() >= 4 && lower.contains(w)) {
                throw weak();
            }
        }
        String base = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (common.contains(lower) || (base.length() >= 4 && common.contains(base))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BREACHED_PASSWORD");
        }
    }

    /** How many common passwords the list holds (for the operational log and tests). */
    public int listSize() {
        return common.size();
    }

    private static ApiException weak() {
        return new ApiException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD");
    }

    private static Set<String> load() {
        var resource = new ClassPathResource("ru/parta/accounts/common-passwords.txt.gz");
        Set<String> words = new HashSet<>(40_000);
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(resource.getInputStream()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list is missing from the build", e);
        }
        return Set.copyOf(words);
    }
}
