package ru.parta.rosters;

import ru.parta.organizations.Person;
import ru.parta.rosters.parsing.PersonKey;
import ru.parta.rosters.parsing.RosterRow;

/** The one matching key for people, from a roster row or a stored person alike (case-, ё/е-insensitive). */
final class NameKeys {

    private NameKeys() {}

    static String of(RosterRow row) {
        return row.personKey().value();
    }

    static String of(Person person) {
        return PersonKey.of(person.surname(), person.name(), person.patronymic() == null ? "" : person.patronymic())
                .value();
    }
}
