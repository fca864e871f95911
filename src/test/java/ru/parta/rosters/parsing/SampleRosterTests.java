package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.read;
import static ru.parta.rosters.parsing.RosterFixtures.readCsv;
import static ru.parta.rosters.parsing.RosterFixtures.sample;
import static ru.parta.rosters.parsing.RosterFixtures.sampleText;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleRosterTests {

    @Test
    void sampleParsesWithoutErrorsAndExpectedRoleCounts() {
        ParsedRoster roster = read(sample(), "roster-sample.csv");

        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.errors()).isEmpty();
        assertThat(roster.format()).isEqualTo(new SourceFormat(SourceFormat.Kind.CSV, "UTF-8", ','));
        assertThat(roster.rows()).hasSize(337);
        Map<RosterRole, Long> counts =
                roster.rows().stream().collect(Collectors.groupingBy(RosterRow::role, Collectors.counting()));
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        RosterRole.PUPIL, 135L,
                        RosterRole.GUARDIAN, 181L,
                        RosterRole.CLASS_TEACHER, 13L,
                        RosterRole.TEACHER, 6L,
                        RosterRole.DIRECTOR, 1L,
                        RosterRole.DEPUTY, 1L));
    }

    @Test
    void sampleRowsAreNormalised() {
        ParsedRoster roster = read(sample(), "roster-sample.csv");

        RosterRow first = roster.rows().getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.className()).isEqualTo("1А");
        assertThat(first.fullName()).isEqualTo("Омаров Кирилл Мурадович");
        assertThat(first.role()).isEqualTo(RosterRole.CLASS_TEACHER);
        assertThat(first.phone()).isEqualTo("+79060746812");
        assertThat(first.subjects()).containsExactly("Биология");

        RosterRow teacher = roster.rowsWithRole(RosterRole.TEACHER).getFirst();
        assertThat(teacher.className()).isEmpty();
        assertThat(teacher.subjects()).containsExactly("Английский язык", "Русский язык");

        RosterRow pupil = roster.rowsWithRole(RosterRole.PUPIL).getFirst();
        assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2018, 3, 19));
        assertThat(roster.rowsWithRole(RosterRole.PUPIL))
                .allSatisfy(p -> assertThat(p.className()).matches("\\d{1,2}[А-Я]"));
        assertThat(roster.rows().stream().filter(r -> !r.phone().isEmpty()))
                .allSatisfy(r -> assertThat(r.phone()).matches("\\+7\\d{10}"));
    }

    @Test
    void everyGuardiansChildIsAPupilOfTheSameClass() {
        ParsedRoster roster = read(sample(), "roster-sample.csv");
        Map<PersonKey, RosterRow> pupils = roster.rowsWithRole(RosterRole.PUPIL).stream()
                .collect(Collectors.toMap(RosterRow::personKey, Function.identity(), (a, b) -> a));

        assertThat(roster.rowsWithRole(RosterRole.GUARDIAN)).allSatisfy(guardian -> {
            assertThat(guardian.children()).hasSize(1);
            ChildReference child = guardian.children().getFirst();
            assertThat(pupils).containsKey(child.personKey());
            assertThat(child.className()).isEqualTo(guardian.className());
        });
    }

    @Test
    void windows1251WithSemicolonsGivesIdenticalRows() {
        String text = requoteSubjects(sampleText());
        ParsedRoster original = read(sample(), "roster-sample.csv");

        ParsedRoster cp1251 = readCsv(text, EncodingDetector.WINDOWS_1251);

        assertThat(cp1251.format().charset()).isEqualTo("windows-1251");
        assertThat(cp1251.format().separator()).isEqualTo(';');
        assertThat(cp1251.errors()).isEmpty();
        assertThat(cp1251.rows()).isEqualTo(original.rows());
    }

    @Test
    void utf16WithBomAndUtf8WithoutBomGiveIdenticalRows() {
        ParsedRoster original = read(sample(), "roster-sample.csv");

        ParsedRoster utf16le = read(
                RosterFixtures.withBom(
                        new byte[] {(byte) 0xFF, (byte) 0xFE}, sampleText().getBytes(StandardCharsets.UTF_16LE)),
                "roster.csv");
        ParsedRoster utf16be = read(
                RosterFixtures.withBom(
                        new byte[] {(byte) 0xFE, (byte) 0xFF}, sampleText().getBytes(StandardCharsets.UTF_16BE)),
                "roster.csv");
        ParsedRoster noBom = readCsv(sampleText());

        assertThat(utf16le.format().charset()).isEqualTo("UTF-16LE");
        assertThat(utf16be.format().charset()).isEqualTo("UTF-16BE");
        assertThat(noBom.format().charset()).isEqualTo("UTF-8");
        for (ParsedRoster roster : new ParsedRoster[] {utf16le, utf16be, noBom}) {
            assertThat(roster.errors()).isEmpty();
            assertThat(roster.rows()).isEqualTo(original.rows());
        }
    }

    @Test
    void tabSeparatedSampleGivesIdenticalRows() {
        String tabs = requoteSubjects(sampleText()).replace(';', '\t');

        ParsedRoster roster = readCsv(tabs);

        assertThat(roster.format().separator()).isEqualTo('\t');
        assertThat(roster.rows()).isEqualTo(read(sample(), "roster-sample.csv").rows());
        assertThat(roster.errors()).isEmpty();
    }

    /** Converts the comma-separated sample into a «;»-separated one, quoting cells that contain commas. */
    static String requoteSubjects(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r\n")) {
            StringBuilder converted = new StringBuilder();
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    converted.append(c);
                } else if (c == ',' && !quoted) {
                    converted.append(';');
                } else {
                    converted.append(c);
                }
            }
            out.append(converted).append("\r\n");
        }
        return out.toString();
    }
}
