package ru.parta.rosters.parsing;

/**
 * Machine codes for everything the reader refuses. Guarantees: every code has a stable name (safe to store and
 * to send to clients), a scope ({@link #fileLevel()}: the whole file is refused, otherwise one row is skipped)
 * and a Russian default reason.
 */
public enum RosterErrorCode {
    // File level: nothing is imported.
    EMPTY_FILE(true, "Файл пуст"),
    UNREADABLE_FILE(true, "Файл не удалось прочитать: он повреждён или имеет неизвестный формат"),
    ENCRYPTED_FILE(true, "Файл защищён паролем; сохраните его без пароля"),
    UNSUPPORTED_FORMAT(true, "Формат файла не поддерживается; загрузите CSV или XLSX"),
    HEADER_NOT_FOUND(true, "Не найдена строка заголовка (Класс, Фамилия, Имя, Отчество, Роль …)"),
    MISSING_COLUMNS(true, "В заголовке нет обязательных столбцов"),
    UNTERMINATED_QUOTE(true, "Незакрытая кавычка: файл CSV повреждён"),
    TOO_MANY_ROWS(true, "Слишком много строк в файле"),
    NO_DATA_ROWS(true, "В файле нет ни одной строки с данными"),

    // Row level: the row is skipped, the others are kept.
    MISSING_SURNAME(false, "Не указана фамилия"),
    MISSING_NAME(false, "Не указано имя"),
    INVALID_NAME(false, "ФИО содержит недопустимые символы"),
    MISSING_ROLE(false, "Не указана роль"),
    UNKNOWN_ROLE(false, "Неизвестная роль"),
    INVALID_DATE(false, "Некорректная дата рождения"),
    MISSING_CLASS(false, "Для ученика не указан класс"),
    INVALID_CLASS(false, "Не удалось распознать класс (ожидается, например, 5А)"),
    MISSING_CHILD(false, "Для родителя не указан ребёнок"),
    INVALID_CHILD(false, "Не удалось распознать ребёнка (ожидается «Фамилия Имя Отчество (5А)»)"),
    INVALID_PHONE(false, "Некорректный номер телефона"),
    INVALID_EMAIL(false, "Некорректный адрес электронной почты"),
    CHILD_NOT_FOUND(false, "Ребёнок не найден среди учеников в файле"),
    CHILD_AMBIGUOUS(
            false, "В файле несколько учеников с таким ФИО; укажите класс ребёнка, например «Иванов Иван (5А)»"),
    EXTRA_FIELDS(false, "В строке больше значений, чем столбцов в заголовке (возможно, лишний разделитель)");

    private final boolean fileLevel;
    private final String russian;

    RosterErrorCode(boolean fileLevel, String russian) {
        this.fileLevel = fileLevel;
        this.russian = russian;
    }

    /** True when this code refuses the whole file rather than one row. */
    public boolean fileLevel() {
        return fileLevel;
    }

    /** The default Russian reason, shown when a more specific message is not given. */
    public String russian() {
        return russian;
    }
}
