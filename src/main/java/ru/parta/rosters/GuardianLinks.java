package ru.parta.rosters;

import java.util.ArrayList;
import java.util.List;
import ru.parta.rosters.parsing.ChildReference;
import ru.parta.rosters.parsing.PersonKey;
import ru.parta.rosters.parsing.RosterErrorCode;
import ru.parta.rosters.parsing.RosterRow;
import ru.parta.rosters.parsing.RowError;

/**
 * Finds a guardian's children among the file's pupils by the «Ребёнок» column. A reference without a patronymic
 * matches on surname and name; a class in the reference («Иванов Иван (5А)») narrows the match. No match, or two
 * different pupils that fit, is a row error: a guardian is never linked to the wrong child.
 */
final class GuardianLinks {

    private GuardianLinks() {}

    record Pupil(long personId, String fullKey, String surname, String name, long classId, String className) {
        Pupil(long personId, ru.parta.organizations.Person p, long classId, String className) {
            this(personId, NameKeys.of(p), p.surname(), p.name(), classId, className);
        }
    }

    record Resolution(List<Pupil> children, RowError error) {}

    static Resolution resolve(RosterRow guardian, List<Pupil> pupils) {
        List<Pupil> found = new ArrayList<>();
        for (ChildReference ref : guardian.children()) {
            String shortKey = PersonKey.of(ref.surname(), ref.name(), "").value();
            boolean full = ref.patronymic() != null && !ref.patronymic().isBlank();
            List<Pupil> matches = pupils.stream()
                    .filter(p -> full
                            ? p.fullKey().equals(ref.personKey().value())
                            : PersonKey.of(p.surname(), p.name(), "").value().equals(shortKey))
                    .filter(p -> ref.className() == null
                            || ref.className().isBlank()
                            || ref.className().equals(p.className()))
                    .map(Pupil::personId)
                    .distinct()
                    .map(id -> pupils.stream()
                            .filter(p -> p.personId() == id)
                            .findFirst()
                            .orElseThrow())
                    .toList();
            String raw = ref.surname() + " " + ref.name() + (full ? " " + ref.patronymic() : "")
                    + (ref.className() == null || ref.className().isBlank() ? "" : " (" + ref.className() + ")");
            if (matches.isEmpty()) {
                return new Resolution(List.of(), error(guardian, RosterErrorCode.CHILD_NOT_FOUND, raw));
            }
            if (matches.size() > 1) {
                return new Resolution(List.of(), error(guardian, RosterErrorCode.CHILD_AMBIGUOUS, raw));
            }
            found.add(matches.getFirst());
        }
        return new Resolution(found, null);
    }

    private static RowError error(RosterRow row, RosterErrorCode code, String raw) {
        return new RowError(row.line(), code, "Ребёнок", code.russian(), raw);
    }
}
