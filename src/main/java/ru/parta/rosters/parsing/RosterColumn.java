package ru.parta.rosters.parsing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a roster may have. Guarantees: {@link #recognise} maps header cells case-, space-, punctuation- and
 * ё-insensitively («Дата_рождения», «ДР», «E-mail», «ФИО ребёнка» …) and never maps one cell to two columns.
 */
public enum RosterColumn {
    CLASS("Класс", List.of("класс", "классгруппа", "группа", "класспараллель")),
    SURNAME("Фамилия", List.of("фамилия")),
    NAME("Имя", List.of("имя")),
    PATRONYMIC("Отчество", List.of("отчество", "отчествоприналичии")),
    FULL_NAME("ФИО", List.of("фио", "фамилияимяотчество", "фиополностью", "фиосотрудника", "фиоучастника")),
    ROLE("Роль", List.of("роль", "должность", "категория", "рольвшколе")),
    BIRTH_DATE("Дата рождения", List.of("датарождения", "др", "датарожд", "рождение")),
    PHONE("Телефон", List.of("телефон", "мобильный", "мобильныйтелефон", "тел", "номертелефона", "контактныйтелефон")),
    EMAIL("Email", List.of("email", "емейл", "почта", "электроннаяпочта", "элпочта", "адресэлектроннойпочты")),
    SUBJECTS("Предметы", List.of("предмет", "предметы", "преподаваемыепредметы", "дисциплины")),
    CHILD(
            "Ребёнок",
            List.of(
                    "ребенок",
                    "дети",
                    "ребенокдети",
                    "ученикдляродителя",
                    "фиоребенка",
                    "фиоребенкадетей",
                    "фиодетей",
                    "обучающийсядляродителя"));

    private static final Map<String, RosterColumn> BY_ALIAS = new HashMap<>();

    static {
        for (RosterColumn column : values()) {
            for (String alias : column.aliases) {
                BY_ALIAS.put(alias, column);
            }
        }
    }

    private final String russian;
    private final List<String> aliases;

    RosterColumn(String russian, List<String> aliases) {
        this.russian = russian;
        this.aliases = aliases;
    }

    /** The standard header word, as written in templates. */
    public String russian() {
        return russian;
    }

    /** The column a header cell names, or empty when it is not a roster column. */
    public static Optional<RosterColumn> recognise(String headerCell) {
        String folded = Text.fold(headerCell);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return Optional.ofNullable(BY_ALIAS.get(key.toString()));
    }
}
