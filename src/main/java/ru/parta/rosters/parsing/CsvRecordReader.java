package ru.parta.rosters.parsing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader. Guarantees: holds one record in memory at a time; quoted fields may contain the
 * separator, doubled quotes and line breaks; CRLF, LF and lone CR all end a record; each record carries the
 * physical line it starts on; a quoted field longer than {@link #MAX_FIELD} characters or still open at the end
 * of the input is reported as {@link RosterErrorCode#UNTERMINATED_QUOTE} instead of swallowing the file; an
 * unquoted field over {@code MAX_FIELD} characters or a record over {@code MAX_FIELDS} fields stops reading with
 * {@link RosterErrorCode#UNREADABLE_FILE}, so memory stays bounded whatever the input.
 */
final class CsvRecordReader {

    static final int MAX_FIELD = 10_000;
    static final int MAX_FIELDS = 1_000;
    private static final int EOF = -1;

    private final Reader in;
    private final char separator;
    private int line = 1;
    private int pushedBack = -2;

    CsvRecordReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** Splits one line of text (used for sniffing the header); never fails. */
    static List<String> split(String text, char separator) {
        try {
            SourceRecord record = new CsvRecordReader(new StringReader(text), separator).next();
            return record == null ? List.of() : record.cells();
        } catch (IOException | MalformedSourceException e) {
            return List.of(text);
        }
    }

    /** The next record, or null at the end of input. */
    SourceRecord next() throws IOException, MalformedSourceException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        unread(c);
        int startLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            c = read();
            if (c == '"' && field.isEmpty()) {
                readQuoted(field, startLine);
                continue;
            }
            if (c == separator) {
                cells.add(field.toString());
                field.setLength(0);
                if (cells.size() > MAX_FIELDS) {
                    throw tooLong(startLine);
                }
            } else if (c == '\r' || c == '\n' || c == EOF) {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                if (c != EOF) {
                    line++;
                }
                cells.add(field.toString());
                return new SourceRecord(startLine, cells);
            } else if (field.length() < MAX_FIELD) {
                field.append((char) c);
            } else {
                throw tooLong(startLine);
            }
        }
    }

    private static MalformedSourceException tooLong(int line) {
        return new MalformedSourceException(
                FileError.of(RosterErrorCode.UNREADABLE_FILE, "строка " + line + " слишком длинная — это не список"));
    }

    private void readQuoted(StringBuilder field, int startLine) throws IOException, MalformedSourceException {
        while (true) {
            int c = read();
            if (c == EOF || field.length() > MAX_FIELD) {
                throw new MalformedSourceException(
                        FileError.of(RosterErrorCode.UNTERMINATED_QUOTE, "строка " + startLine));
            }
            if (c == '"') {
                int following = read();
                if (following == '"') {
                    field.append('"');
                    continue;
                }
                unread(following);
                return;
            }
            if (c == '\n' || (c == '\r' && peekIsNotLf())) {
                line++;
            }
            field.append((char) c);
        }
    }

    private boolean peekIsNotLf() throws IOException {
        int following = read();
        unread(following);
        return following != '\n';
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
