package ru.parta.rosters.parsing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The role a roster row gives a person. Guarantees: {@link #parse} accepts the Russian words school systems
 * export (case-, space-, punctuation- and ё-insensitive) and nothing it cannot map with certainty.
 */
public enum RosterRole {
    PUPIL("Ученик", List.of("ученик", "ученица", "обучающийся", "обучающаяся", "учащийся", "учащаяся", "школьник")),
    GUARDIAN(
            "Родитель",
            List.of(
                    "родитель",
                    "законный представитель",
                    "родитель законный представитель",
                    "мать",
                    "отец",
                    "мама",
                    "папа",
                    "опекун",
                    "попечитель")),
    TEACHER("Учитель", List.of("учитель", "педагог", "преподаватель", "учитель предметник", "педагог предметник")),
    CLASS_TEACHER(
            "Классный руководитель", List.of("классный руководитель", "кл руководитель", "классный руков", "классрук")),
    DIRECTOR("Директор", List.of("директор", "директор школы", "руководитель оо")),
    DEPUTY("Заместитель директора", List.of("заместитель директора", "зам директора", "замдиректора", "завуч")),
    SCHOOL_ADMIN(
            "Администратор",
            List.of(
                    "администратор",
                    "администратор оо",
                    "ит администратор",
                    "администратор ит",
                    "школьный администратор"));

    private static final Map<String, RosterRole> BY_WORD = new HashMap<>();

    static {
        for (RosterRole role : values()) {
            for (String word : role.words) {
                BY_WORD.put(word, role);
            }
        }
    }

    private final String russian;
    private final List<String> words;

    RosterRole(String russian, List<String> words) {
        this.russian = russian;
        this.words = words;
    }

    /** The word used for this role in templates and messages. */
    public String russian() {
        return russian;
    }

    /** True for roles that belong to the school staff (teachers, leadership, admins). */
    public boolean staff() {
        return this != PUPIL && this != GUARDIAN;
    }

    /** The role a cell names, or empty when the word is not known. */
    public static Optional<RosterRole> parse(String raw) {
        String key = normalise(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        RosterRole exact = BY_WORD.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (key.startsWith("заместитель директора ") || key.startsWith("зам директора ")) {
            return Optional.of(DEPUTY); // «Заместитель директора по УВР»
        }
        if (key.startsWith("учитель ") || key.startsWith("преподаватель ")) {
            return Optional.of(TEACHER); // «Учитель математики»
        }
        return Optional.empty();
    }

    private static String normalise(String raw) {
        String folded = Text.fold(raw).replaceAll("[.,()\\-_/«»\"]", " ");
        return Text.clean(folded);
    }
}
