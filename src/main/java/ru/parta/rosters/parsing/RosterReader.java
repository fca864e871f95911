package ru.parta.rosters.parsing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;

/**
 * Reads a school roster (CSV in UTF-8/UTF-16/Windows-1251 with «,», «;» or tab, or the first sheet of an XLSX/XLS
 * workbook) into checked, normalised rows. Guarantees: bad input never throws — it gives a {@link FileError} (the
 * whole file refused) or {@link RowError}s (those rows skipped, the others kept); CSV is streamed record by record;
 * XLSX is streamed row by row (XLS, limited to 65,536 rows, is read whole); at most {@link #maxRows()} data rows
 * are accepted; the input stream is read but not closed. Thread-safe: one reader may serve many imports.
 */
public final class RosterReader {

    /** Default limit of data rows in one file. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    private static final List<String> UNSUPPORTED_EXTENSIONS =
            List.of(".pdf", ".doc", ".docx", ".odt", ".ods", ".zip", ".rar", ".7z", ".jpg", ".png");

    private final Clock clock;
    private final int maxRows;

    /** A reader that judges ages by the system clock and accepts up to {@link #DEFAULT_MAX_ROWS} rows. */
    public RosterReader() {
        this(Clock.systemDefaultZone(), DEFAULT_MAX_ROWS);
    }

    /** A reader with the given clock (for age checks) and row limit. */
    public RosterReader(Clock clock, int maxRows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        this.maxRows = maxRows;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Reads the whole stream. The file name only hints at the format (the content's signature decides); it may be
     * null or empty.
     */
    public ParsedRoster read(InputStream in, String fileName) {
        Objects.requireNonNull(in, "in");
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        SourceFormat format = SourceFormat.unknown();
        try {
            BufferedInputStream buffered = new BufferedInputStream(
                    new FilterInputStream(in) {
                        @Override
                        public void close() {
                            // the caller owns the stream
                        }
                    },
                    64 * 1024);
            buffered.mark(16);
            byte[] head = buffered.readNBytes(8);
            buffered.reset();
            Optional<FileError> refused = refuseByContent(head, name);
            if (refused.isPresent()) {
                return ParsedRoster.refused(format, refused.get());
            }
            try (RecordSource source = open(buffered, head)) {
                format = source.format();
                RosterAssembler assembler = new RosterAssembler(format, clock, maxRows);
                source.readAll(assembler);
                return assembler.finish();
            }
        } catch (MalformedSourceException e) {
            return ParsedRoster.refused(format, e.error());
        } catch (EncryptedDocumentException e) {
            return ParsedRoster.refused(format, FileError.of(RosterErrorCode.ENCRYPTED_FILE));
        } catch (IOException | RuntimeException e) {
            return ParsedRoster.refused(format, FileError.of(RosterErrorCode.UNREADABLE_FILE));
        }
    }

    private static Optional<FileError> refuseByContent(byte[] head, String name) {
        if (head.length == 0) {
            return Optional.of(FileError.of(RosterErrorCode.EMPTY_FILE));
        }
        if (startsWith(head, "%PDF") || UNSUPPORTED_EXTENSIONS.stream().anyMatch(name::endsWith)) {
            return Optional.of(FileError.of(RosterErrorCode.UNSUPPORTED_FORMAT));
        }
        if (isZip(head) || isOle2(head)) {
            return Optional.empty();
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return Optional.of(
                    FileError.of(RosterErrorCode.UNREADABLE_FILE, "файл назван как книга Excel, но ею не является"));
        }
        boolean utf16 = (head[0] & 0xFF) == 0xFF && (head[1 % head.length] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1 % head.length] & 0xFF) == 0xFF;
        for (byte b : head) {
            if (b == 0 && !utf16) {
                return Optional.of(FileError.of(RosterErrorCode.UNSUPPORTED_FORMAT, "файл не текстовый"));
            }
        }
        return Optional.empty();
    }

    private static RecordSource open(BufferedInputStream in, byte[] head) throws IOException {
        if (isZip(head)) {
            return new XlsxRecordSource(in);
        }
        if (isOle2(head)) {
            return new WorkbookRecordSource(in, SourceFormat.Kind.XLS);
        }
        return new CsvRecordSource(in);
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static boolean isOle2(byte[] head) {
        return head.length >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
    }

    private static boolean startsWith(byte[] head, String ascii) {
        if (head.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
