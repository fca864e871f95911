package ru.parta.rosters.parsing;

import java.util.Objects;

/**
 * A guardian's pointer to a child, as written in the roster («Иванов Иван Иванович (5А)»). Guarantees: surname
 * and name are non-blank and capitalised; patronymic may be empty; {@code className} is a normalised class name
 * (from the parentheses, else the guardian row's class column) or empty when neither gives one.
 */
public record ChildReference(String surname, String name, String patronymic, String className) {

    public ChildReference {
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(name, "name");
        patronymic = patronymic == null ? "" : patronymic;
        className = className == null ? "" : className;
    }

    /** The key to find this child among the pupil rows ({@link RosterRow#personKey()}). */
    public PersonKey personKey() {
        return PersonKey.of(surname, name, patronymic);
    }
}
