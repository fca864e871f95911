package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.read;
import static ru.parta.rosters.parsing.RosterFixtures.readCsv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileErrorTests {

    @Test
    void emptyFile() {
        assertRefused(read(new byte[0], "roster.csv"), RosterErrorCode.EMPTY_FILE);
    }

    @Test
    void headerOnlyHasNoDataRows() {
        assertRefused(readCsv(RosterFixtures.HEADER + "\r\n\r\n , ,\u00a0,\r\n"), RosterErrorCode.NO_DATA_ROWS);
    }

    @Test
    void unrecognisableHeader() {
        assertRefused(readCsv("a,b,c\n1,2,3\n"), RosterErrorCode.HEADER_NOT_FOUND);
        assertRefused(readCsv("5А,Иванов,Иван,Иванович,Ученик\n"), RosterErrorCode.HEADER_NOT_FOUND);
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        ParsedRoster roster = readCsv("Класс;Фамилия;Дата рождения\n5А;Иванов;01.01.2015\n");

        assertRefused(roster, RosterErrorCode.MISSING_COLUMNS);
        assertThat(roster.fileError().get().detail()).isEqualTo("«Имя», «Роль»");
        assertThat(roster.fileError().get().message()).contains("«Имя», «Роль»");
    }

    @Test
    void unterminatedQuoteIsAFileErrorWithItsLine() {
        ParsedRoster roster =
                readCsv(RosterFixtures.csv("5А,Иванов,Иван,,Ученик,,,,,", "5А,\"Петров,Пётр,,Ученик,,,,,"));

        assertRefused(roster, RosterErrorCode.UNTERMINATED_QUOTE);
        assertThat(roster.fileError().get().detail()).isEqualTo("строка 3");
    }

    @Test
    void binaryGarbageAndBrokenWorkbooksAreRefused() {
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0);
        garbage[0] = 1;
        assertRefused(read(garbage, "roster.csv"), RosterErrorCode.UNSUPPORTED_FORMAT);
        assertRefused(
                read("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), "roster"), RosterErrorCode.UNSUPPORTED_FORMAT);
        assertRefused(
                read("hello".getBytes(StandardCharsets.US_ASCII), "roster.xlsx"), RosterErrorCode.UNREADABLE_FILE);
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertRefused(read(brokenZip, "roster.xlsx"), RosterErrorCode.UNREADABLE_FILE);
        byte[] truncated = Arrays.copyOf(RosterTemplates.xlsx(), 2000);
        assertRefused(read(truncated, "roster.xlsx"), RosterErrorCode.UNREADABLE_FILE);
    }

    @Test
    void endlessLineIsRefusedInsteadOfFillingMemory() {
        String endless = RosterFixtures.csv("5А,Иванов,Иван,,Ученик,,,,,") + "x".repeat(CsvRecordReader.MAX_FIELD + 1);
        String manyFields = RosterFixtures.csv(",".repeat(CsvRecordReader.MAX_FIELDS + 1));

        assertRefused(readCsv(endless), RosterErrorCode.UNREADABLE_FILE);
        assertThat(readCsv(endless).fileError().get().detail()).startsWith("строка 3");
        assertRefused(readCsv(manyFields), RosterErrorCode.UNREADABLE_FILE);
    }

    @Test
    void failingStreamIsAFileErrorNotAnException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertRefused(RosterFixtures.READER.read(failing, "roster.csv"), RosterErrorCode.UNREADABLE_FILE);
    }

    @Test
    void theCallersStreamIsNotClosed() {
        boolean[] closed = {false};
        for (byte[] bytes : new byte[][] {RosterFixtures.sample(), RosterTemplates.xlsx()}) {
            InputStream in = new java.io.ByteArrayInputStream(bytes) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            assertThat(RosterFixtures.READER.read(in, "roster").accepted()).isTrue();
        }
        assertThat(closed[0]).isFalse();
    }

    @Test
    void tooManyRows() {
        RosterReader small = new RosterReader(RosterFixtures.CLOCK, 2);
        byte[] three = RosterFixtures.csv("5А,А,Б,,Ученик,,,,,", "5А,В,Г,,Ученик,,,,,", "5А,Д,Е,,Ученик,,,,,")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(small.read(new java.io.ByteArrayInputStream(three), "r.csv"), RosterErrorCode.TOO_MANY_ROWS);
    }

    private static void assertRefused(ParsedRoster roster, RosterErrorCode code) {
        assertThat(roster.accepted()).isFalse();
        assertThat(roster.fileError()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.code().fileLevel()).isTrue();
            assertThat(error.message()).isNotBlank();
        });
        assertThat(roster.rows()).isEmpty();
        assertThat(roster.errors()).isEmpty();
    }
}
