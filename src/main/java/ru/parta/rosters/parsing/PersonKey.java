package ru.parta.rosters.parsing;

import java.util.Locale;
import java.util.Objects;

/**
 * A key for matching the same person across rows and files. Guarantees: two names that differ only in case,
 * ё/е, Latin look-alike letters, hyphen spacing or extra spaces give equal keys; surname, name and patronymic stay
 * distinct parts (a missing patronymic is an empty part). The value is stable and safe to store.
 */
public record PersonKey(String value) {

    public PersonKey {
        Objects.requireNonNull(value, "value");
    }

    /** Builds the key from the three name parts; any part may be null or blank. */
    public static PersonKey of(String surname, String name, String patronymic) {
        return new PersonKey(part(surname) + "|" + part(name) + "|" + part(patronymic));
    }

    private static String part(String raw) {
        String cleaned = Text.toCyrillicLookAlikes(Text.clean(raw)).toLowerCase(Locale.ROOT);
        return cleaned.replace('ё', 'е').replaceAll("\\s*-\\s*", "-");
    }

    @Override
    public String toString() {
        return value;
    }
}
