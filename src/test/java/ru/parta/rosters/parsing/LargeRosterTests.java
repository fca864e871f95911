package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class LargeRosterTests {

    private static final int ROWS = 10_000;

    @Test
    void tenThousandRowsInWindows1251AreStreamed() {
        ParsedRoster roster = RosterFixtures.READER.read(new GeneratedRoster(ROWS), "district.csv");

        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.format().charset()).isEqualTo("windows-1251");
        assertThat(roster.errors()).hasSize(ROWS / 1000);
        assertThat(roster.errors())
                .allSatisfy(error -> assertThat(error.code()).isEqualTo(RosterErrorCode.INVALID_PHONE));
        assertThat(roster.rows()).hasSize(ROWS - ROWS / 1000);
        assertThat(roster.rows().getLast().line()).isEqualTo(ROWS + 1);
        assertThat(roster.rowsWithRole(RosterRole.GUARDIAN)).hasSize(ROWS / 2 - ROWS / 1000);
    }

    /** Produces a «;»-separated Windows-1251 roster line by line, never holding the whole text. */
    private static final class GeneratedRoster extends InputStream {
        private static final Charset CP1251 = Charset.forName("windows-1251");
        private final int rows;
        private int next;
        private byte[] current = (RosterFixtures.HEADER.replace(',', ';') + "\r\n").getBytes(CP1251);
        private int position;

        GeneratedRoster(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            if (position == current.length) {
                if (next == rows) {
                    return -1;
                }
                current = line(next++).getBytes(CP1251);
                position = 0;
            }
            return current[position++] & 0xFF;
        }

        private static String line(int i) {
            String className = (1 + i % 11) + "АБВ".substring(i % 3, i % 3 + 1);
            String phone = i % 1000 == 1 ? "12-34" : "+7 916 " + String.format("%07d", i);
            if (i % 2 == 0) {
                return className + ";Ученикова" + ";Ёлка;Петровна;Ученик;01.09.2014;;;;\r\n";
            }
            return className + ";Родителев;Пётр;Сергеевич;Родитель;;" + phone + ";p" + i
                    + "@школа.рф;;Ученикова Ёлка Петровна\r\n";
        }
    }
}
