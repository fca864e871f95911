package ru.parta.rosters.parsing;

import java.util.Objects;

/**
 * The reason a whole file was refused. Guarantees: {@code code} is file-level, {@code message} is a Russian
 * sentence, {@code detail} adds specifics (missing column names, the line of a broken quote …; never null).
 */
public record FileError(RosterErrorCode code, String message, String detail) {

    public FileError {
        Objects.requireNonNull(code, "code");
        message = message == null || message.isBlank() ? code.russian() : message;
        detail = detail == null ? "" : detail;
    }

    static FileError of(RosterErrorCode code) {
        return new FileError(code, code.russian(), "");
    }

    static FileError of(RosterErrorCode code, String detail) {
        String message = detail.isEmpty() ? code.russian() : code.russian() + ": " + detail;
        return new FileError(code, message, detail);
    }
}
