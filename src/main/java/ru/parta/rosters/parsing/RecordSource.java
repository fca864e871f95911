package ru.parta.rosters.parsing;

import java.io.IOException;

/**
 * A CSV file or a worksheet, pushed record by record into a {@link RecordSink}. Guarantees: records arrive in file
 * order; reading stops as soon as the sink throws.
 */
interface RecordSource extends AutoCloseable {

    SourceFormat format();

    void readAll(RecordSink sink) throws IOException, MalformedSourceException;

    @Override
    void close() throws IOException;

    /** Receives records; throws to stop reading with a file-level error. */
    @FunctionalInterface
    interface RecordSink {
        void accept(SourceRecord record) throws MalformedSourceException;
    }
}
