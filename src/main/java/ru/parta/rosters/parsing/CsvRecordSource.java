package ru.parta.rosters.parsing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Records of a CSV file. Guarantees: the encoding is detected by {@link EncodingDetector}; the separator («,», «;»
 * or tab) is the one under which one of the first {@link #SNIFF_LINES} lines reads best as a roster header
 * (falling back to the most frequent of the three on the first non-blank line); the text is streamed, never held
 * whole in memory.
 */
final class CsvRecordSource implements RecordSource {

    static final int SNIFF_LINES = 30;
    private static final int SNIFF_CHARS = 256 * 1024;
    private static final char[] SEPARATORS = {';', '\t', ','};

    private final BufferedReader reader;
    private final CsvRecordReader records;
    private final SourceFormat format;

    CsvRecordSource(BufferedInputStream in) throws IOException {
        Charset charset = EncodingDetector.detect(in);
        this.reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
        char separator = sniffSeparator(reader);
        this.records = new CsvRecordReader(reader, separator);
        this.format = new SourceFormat(SourceFormat.Kind.CSV, charset.name(), separator);
    }

    @Override
    public void readAll(RecordSink sink) throws IOException, MalformedSourceException {
        for (SourceRecord record = records.next(); record != null; record = records.next()) {
            sink.accept(record);
        }
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static char sniffSeparator(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS + 1);
        char[] buffer = new char[SNIFF_CHARS];
        int length = 0;
        for (int n; length < SNIFF_CHARS && (n = reader.read(buffer, length, SNIFF_CHARS - length)) > 0; ) {
            length += n;
        }
        reader.reset();
        String[] lines = new String(buffer, 0, length).split("\\r\\n|\\r|\\n", SNIFF_LINES + 1);
        char best = 0;
        int bestScore = 0;
        String firstNonBlank = null;
        for (int i = 0; i < Math.min(lines.length, SNIFF_LINES); i++) {
            if (firstNonBlank == null && !lines[i].isBlank()) {
                firstNonBlank = lines[i];
            }
            for (char separator : SEPARATORS) {
                int score = HeaderLayout.score(CsvRecordReader.split(lines[i], separator));
                if (score > bestScore) {
                    best = separator;
                    bestScore = score;
                }
            }
        }
        if (bestScore >= HeaderLayout.MIN_RECOGNISED) {
            return best;
        }
        return firstNonBlank == null ? ',' : mostFrequent(firstNonBlank);
    }

    private static char mostFrequent(String line) {
        char best = ',';
        long bestCount = 0;
        for (char separator : SEPARATORS) {
            long count = line.chars().filter(c -> c == separator).count();
            if (count > bestCount) {
                best = separator;
                bestCount = count;
            }
        }
        return best;
    }
}
