package ru.parta.rosters.parsing;

import java.io.IOException;

/** A stream of raw records from a CSV file or a worksheet, read one at a time. */
interface RecordSource extends AutoCloseable {

    /** The next record, or null at the end of the data. */
    SourceRecord next() throws IOException, MalformedSourceException;

    SourceFormat format();

    @Override
    void close() throws IOException;
}
