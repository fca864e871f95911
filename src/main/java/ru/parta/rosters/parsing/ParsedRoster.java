package ru.parta.rosters.parsing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of reading one file. Guarantees: when {@link #fileError()} is present, {@link #rows()} and
 * {@link #errors()} are empty and nothing should be imported; otherwise {@code rows} holds every accepted row and
 * {@code errors} every skipped row's reasons (a row may have several), both in file order.
 */
public record ParsedRoster(
        SourceFormat format, List<RosterRow> rows, List<RowError> errors, Optional<FileError> fileError) {

    public ParsedRoster {
        Objects.requireNonNull(format, "format");
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        Objects.requireNonNull(fileError, "fileError");
    }

    static ParsedRoster refused(SourceFormat format, FileError error) {
        return new ParsedRoster(format, List.of(), List.of(), Optional.of(error));
    }

    /** True when the file was read (possibly with skipped rows). */
    public boolean accepted() {
        return fileError.isEmpty();
    }

    /** Accepted rows with the given role, in file order. */
    public List<RosterRow> rowsWithRole(RosterRole role) {
        return rows.stream().filter(row -> row.role() == role).toList();
    }
}
