package ru.parta.rosters.parsing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one raw record into a {@link RosterRow} or the reasons it is refused. Guarantees: every check runs, so a
 * row reports all its problems at once; a row with any error yields no {@code RosterRow}; values are normalised
 * exactly as {@link RosterRow} documents.
 */
final class RowMapper {

    static final int MIN_PUPIL_AGE = 5;
    static final int MAX_PUPIL_AGE = 100;
    private static final int MAX_AGE = 120;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>()\"]+@[^@\\s,;<>()\"]+\\.[^@\\s,;<>()\".]{2,}");

    private final HeaderLayout layout;
    private final Clock clock;
    private final boolean checkWidth;

    RowMapper(HeaderLayout layout, Clock clock, boolean checkWidth) {
        this.layout = layout;
        this.clock = clock;
        this.checkWidth = checkWidth;
    }

    /** Adds the row to {@code rows} or its reasons to {@code errors}. */
    void map(SourceRecord record, List<RosterRow> rows, List<RowError> errors) {
        Problems problems = new Problems(record.line(), errors);
        List<String> cells = record.cells();
        if (checkWidth && layout.hasExtraValues(cells)) {
            problems.add(RosterErrorCode.EXTRA_FIELDS, "", null, String.join(" | ", cells));
        }
        String[] names = names(cells);
        String surname = name(names[0], RosterErrorCode.MISSING_SURNAME, RosterColumn.SURNAME, problems);
        String name = name(names[1], RosterErrorCode.MISSING_NAME, RosterColumn.NAME, problems);
        String patronymic = name(names[2], null, RosterColumn.PATRONYMIC, problems);

        String rawRole = layout.cell(cells, RosterColumn.ROLE);
        Optional<RosterRole> role = RosterRole.parse(rawRole);
        if (role.isEmpty()) {
            RosterErrorCode code =
                    Text.clean(rawRole).isEmpty() ? RosterErrorCode.MISSING_ROLE : RosterErrorCode.UNKNOWN_ROLE;
            String message =
                    code == RosterErrorCode.UNKNOWN_ROLE ? "Неизвестная роль «" + Text.clean(rawRole) + "»" : null;
            problems.add(code, RosterColumn.ROLE.russian(), message, rawRole);
        }

        String rawClass = layout.cell(cells, RosterColumn.CLASS);
        String className = ClassNames.normalise(rawClass).orElse("");
        if (className.isEmpty() && !Text.clean(rawClass).isEmpty()) {
            problems.add(RosterErrorCode.INVALID_CLASS, RosterColumn.CLASS.russian(), null, rawClass);
        } else if (className.isEmpty() && role.orElse(null) == RosterRole.PUPIL) {
            problems.add(RosterErrorCode.MISSING_CLASS, RosterColumn.CLASS.russian(), null, rawClass);
        } else if (className.isEmpty() && role.orElse(null) == RosterRole.CLASS_TEACHER) {
            problems.add(
                    RosterErrorCode.MISSING_CLASS,
                    RosterColumn.CLASS.russian(),
                    "Для классного руководителя не указан класс",
                    rawClass);
        }

        LocalDate birthDate = birthDate(layout.cell(cells, RosterColumn.BIRTH_DATE), role.orElse(null), problems);
        String phone = optional(
                layout.cell(cells, RosterColumn.PHONE),
                Phones::normalise,
                RosterErrorCode.INVALID_PHONE,
                RosterColumn.PHONE,
                problems);
        String email = optional(
                layout.cell(cells, RosterColumn.EMAIL),
                RowMapper::email,
                RosterErrorCode.INVALID_EMAIL,
                RosterColumn.EMAIL,
                problems);
        List<ChildReference> children = children(cells, role.orElse(null), className, problems);

        if (problems.none()) {
            rows.add(new RosterRow(
                    record.line(),
                    className,
                    surname,
                    name,
                    patronymic,
                    role.get(),
                    birthDate,
                    phone,
                    email,
                    subjects(layout.cell(cells, RosterColumn.SUBJECTS)),
                    children));
        }
    }

    /** Surname, name, patronymic: from their columns, else from a single «ФИО» column. */
    private String[] names(List<String> cells) {
        if (layout.has(RosterColumn.SURNAME) && layout.has(RosterColumn.NAME) || !layout.has(RosterColumn.FULL_NAME)) {
            return new String[] {
                layout.cell(cells, RosterColumn.SURNAME),
                layout.cell(cells, RosterColumn.NAME),
                layout.cell(cells, RosterColumn.PATRONYMIC)
            };
        }
        String[] words = Text.clean(layout.cell(cells, RosterColumn.FULL_NAME)).split(" ", 3);
        return new String[] {words[0], words.length > 1 ? words[1] : "", words.length > 2 ? words[2] : ""};
    }

    private static String name(String raw, RosterErrorCode missing, RosterColumn column, Problems problems) {
        String cleaned = Text.toCyrillicLookAlikes(Text.clean(raw));
        if (cleaned.isEmpty()) {
            if (missing != null) {
                problems.add(missing, column.russian(), null, raw);
            }
            return "";
        }
        if (!Text.isPlausibleName(cleaned)) {
            problems.add(
                    RosterErrorCode.INVALID_NAME,
                    column.russian(),
                    "Поле «" + column.russian() + "» содержит недопустимые символы",
                    raw);
            return "";
        }
        return Text.capitaliseName(cleaned);
    }

    private LocalDate birthDate(String raw, RosterRole role, Problems problems) {
        if (Text.clean(raw).isEmpty()) {
            return null;
        }
        String column = RosterColumn.BIRTH_DATE.russian();
        Optional<LocalDate> parsed = BirthDates.parse(raw);
        if (parsed.isEmpty()) {
            problems.add(
                    RosterErrorCode.INVALID_DATE,
                    column,
                    "Некорректная дата рождения (ожидается ДД.ММ.ГГГГ, такой даты нет или формат не распознан)",
                    raw);
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        int age = Period.between(parsed.get(), today).getYears();
        if (parsed.get().isAfter(today)) {
            problems.add(RosterErrorCode.INVALID_DATE, column, "Дата рождения в будущем", raw);
        } else if (role == RosterRole.PUPIL && (age < MIN_PUPIL_AGE || age > MAX_PUPIL_AGE)) {
            problems.add(
                    RosterErrorCode.INVALID_DATE,
                    column,
                    "Возраст ученика — " + age + " " + years(age) + ", ожидается от " + MIN_PUPIL_AGE + " до "
                            + MAX_PUPIL_AGE + " лет",
                    raw);
        } else if (age > MAX_AGE) {
            problems.add(RosterErrorCode.INVALID_DATE, column, "Возраст больше " + MAX_AGE + " лет", raw);
        } else {
            return parsed.get();
        }
        return null;
    }

    /** «1 год», «2 года», «5 лет», «21 год». */
    static String years(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "лет";
        }
        return last == 1 ? "год" : last >= 2 && last <= 4 ? "года" : "лет";
    }

    private static String optional(
            String raw,
            Function<String, Optional<String>> normaliser,
            RosterErrorCode code,
            RosterColumn column,
            Problems problems) {
        if (Text.clean(raw).isEmpty()) {
            return "";
        }
        Optional<String> value = normaliser.apply(raw);
        if (value.isEmpty()) {
            problems.add(code, column.russian(), null, raw);
        }
        return value.orElse("");
    }

    private static Optional<String> email(String raw) {
        String cleaned = Text.clean(raw).toLowerCase(Locale.ROOT);
        return EMAIL.matcher(cleaned).matches() ? Optional.of(cleaned) : Optional.empty();
    }

    private List<ChildReference> children(List<String> cells, RosterRole role, String className, Problems problems) {
        if (role != RosterRole.GUARDIAN) {
            return List.of();
        }
        String raw = layout.cell(cells, RosterColumn.CHILD);
        if (Text.clean(raw).isEmpty()) {
            problems.add(RosterErrorCode.MISSING_CHILD, RosterColumn.CHILD.russian(), null, raw);
            return List.of();
        }
        Optional<List<ChildReference>> children = ChildReferences.parse(raw, className);
        if (children.isEmpty()) {
            problems.add(RosterErrorCode.INVALID_CHILD, RosterColumn.CHILD.russian(), null, raw);
        }
        return children.orElse(List.of());
    }

    private static List<String> subjects(String raw) {
        LinkedHashSet<String> subjects = new LinkedHashSet<>();
        for (String part : raw.split("[,;\\r\\n]+")) {
            String subject = Text.clean(part);
            if (!subject.isEmpty()) {
                subjects.add(Character.toUpperCase(subject.charAt(0)) + subject.substring(1));
            }
        }
        return new ArrayList<>(subjects);
    }

    /** Collects the errors of one row. */
    private static final class Problems {
        private final int line;
        private final List<RowError> sink;
        private int count;

        Problems(int line, List<RowError> sink) {
            this.line = line;
            this.sink = sink;
        }

        void add(RosterErrorCode code, String column, String message, String raw) {
            sink.add(new RowError(line, code, column, message, raw));
            count++;
        }

        boolean none() {
            return count == 0;
        }
    }
}
