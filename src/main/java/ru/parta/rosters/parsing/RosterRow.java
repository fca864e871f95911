package ru.parta.rosters.parsing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted person row. Guarantees, all checked by the reader: surname and name are non-blank, cleaned of stray
 * spaces and capitalised («Иванов-Петров»); patronymic may be empty; {@code className} is normalised («5А») and is
 * non-empty for pupils and class teachers; {@code birthDate} is null or a real past date (for pupils an age of 5–100);
 * {@code phone} is empty or {@code +7XXXXXXXXXX}; {@code email} is empty or a lower-case address; {@code subjects}
 * holds distinct non-blank names; {@code children} is non-empty for guardians and empty for everyone else.
 */
public record RosterRow(
        int line,
        String className,
        String surname,
        String name,
        String patronymic,
        RosterRole role,
        LocalDate birthDate,
        String phone,
        String email,
        List<String> subjects,
        List<ChildReference> children) {

    public RosterRow {
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        className = className == null ? "" : className;
        patronymic = patronymic == null ? "" : patronymic;
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        subjects = List.copyOf(subjects == null ? List.of() : subjects);
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** The birth date when the file gave one. */
    public Optional<LocalDate> birthDateIfKnown() {
        return Optional.ofNullable(birthDate);
    }

    /** The key for matching this person with others (ё/е-, case- and look-alike-insensitive). */
    public PersonKey personKey() {
        return PersonKey.of(surname, name, patronymic);
    }

    /** «Фамилия Имя Отчество» without a trailing space when there is no patronymic. */
    public String fullName() {
        return patronymic.isEmpty() ? surname + " " + name : surname + " " + name + " " + patronymic;
    }
}
