package ru.parta.rosters.parsing;

import java.util.Objects;

/**
 * One reason a data row was skipped. Guarantees: {@code line} is the 1-based line (CSV: the physical line where
 * the record starts; workbooks: the sheet row number as Excel shows it), {@code code} is row-level, {@code message}
 * is a Russian sentence for the person importing, {@code column} names the offending column in Russian (may be
 * empty) and {@code rawValue} is the cell as found (never null, may be empty).
 */
public record RowError(int line, RosterErrorCode code, String column, String message, String rawValue) {

    public RowError {
        Objects.requireNonNull(code, "code");
        column = column == null ? "" : column;
        message = message == null || message.isBlank() ? code.russian() : message;
        rawValue = rawValue == null ? "" : rawValue;
    }
}
