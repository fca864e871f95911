package ru.parta.rosters.parsing;

/**
 * What the reader detected about a file, for diagnostics and tests. {@code charset} and {@code separator} are
 * meaningful for CSV only ({@code ""} and {@code '\0'} otherwise).
 */
public record SourceFormat(Kind kind, String charset, char separator) {

    /** The container the data came in. */
    public enum Kind {
        CSV,
        XLSX,
        XLS,
        UNKNOWN
    }

    static SourceFormat unknown() {
        return new SourceFormat(Kind.UNKNOWN, "", '\0');
    }

    static SourceFormat workbook(Kind kind) {
        return new SourceFormat(kind, "", '\0');
    }
}
