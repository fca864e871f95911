package ru.parta.rosters.parsing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes the records of one file: finds the header, then maps each data record. Guarantees: up to
 * {@link #HEADER_SEARCH} non-blank records before the header are skipped as title lines; blank records and repeated
 * header records are ignored; it refuses (by throwing) as soon as the header is missing or incomplete or the data
 * exceeds the row limit, so the rest of the file is not read.
 */
final class RosterAssembler implements RecordSource.RecordSink {

    static final int HEADER_SEARCH = CsvRecordSource.SNIFF_LINES;

    private final SourceFormat format;
    private final Clock clock;
    private final int maxRows;
    private final List<RosterRow> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private RowMapper mapper;
    private int searched;
    private int dataRows;

    RosterAssembler(SourceFormat format, Clock clock, int maxRows) {
        this.format = format;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @Override
    public void accept(SourceRecord record) throws MalformedSourceException {
        if (record.blank()) {
            return;
        }
        if (mapper == null) {
            findHeader(record);
            return;
        }
        if (HeaderLayout.recognise(record.cells()).isPresent()) {
            return; // a repeated header, as in concatenated exports
        }
        if (++dataRows > maxRows) {
            throw new MalformedSourceException(
                    FileError.of(RosterErrorCode.TOO_MANY_ROWS, "не более " + maxRows + " строк"));
        }
        mapper.map(record, rows, errors);
    }

    private void findHeader(SourceRecord record) throws MalformedSourceException {
        Optional<HeaderLayout> layout = HeaderLayout.recognise(record.cells());
        if (layout.isPresent()) {
            List<RosterColumn> missing = layout.get().missing();
            if (!missing.isEmpty()) {
                throw new MalformedSourceException(
                        FileError.of(RosterErrorCode.MISSING_COLUMNS, HeaderLayout.describe(missing)));
            }
            mapper = new RowMapper(layout.get(), clock, format.kind() == SourceFormat.Kind.CSV);
        } else if (++searched >= HEADER_SEARCH) {
            throw new MalformedSourceException(FileError.of(RosterErrorCode.HEADER_NOT_FOUND));
        }
    }

    /** The result once every record has been accepted. */
    ParsedRoster finish() {
        if (mapper == null) {
            return ParsedRoster.refused(format, FileError.of(RosterErrorCode.HEADER_NOT_FOUND));
        }
        if (dataRows == 0) {
            return ParsedRoster.refused(format, FileError.of(RosterErrorCode.NO_DATA_ROWS));
        }
        return new ParsedRoster(format, rows, errors, Optional.empty());
    }
}
