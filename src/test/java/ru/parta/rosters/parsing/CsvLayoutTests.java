package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.readCsv;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLayoutTests {

    @Test
    void columnsInAnyOrderWithHeaderVariants() {
        ParsedRoster roster = readCsv(String.join(
                "\n",
                "ребенок;ДОЛЖНОСТЬ;Мобильный;Почта;ДР;Дата_рождения;фамилия;  ИМЯ ;Отчество;класс;Предмет",
                "Петров Пётр (5Б);Законный представитель;8 (916) 123-45-67;Ivan@Mail.RU;;;Петрова;Анна;Ивановна;5б;",
                ";Обучающийся;;;01.09.2015;;Петров;Пётр;;5 Б;",
                ";педагог;;;;;Сидоров;Олег;;;Математика",
                ";педагог;;;;;Смирнов;Олег;;;Математика; Физика"));

        assertThat(roster.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.code()).isEqualTo(RosterErrorCode.EXTRA_FIELDS); // unquoted «;» inside a cell
        });
        assertThat(roster.rows()).hasSize(3);
        assertThat(roster.format().separator()).isEqualTo(';');
        RosterRow guardian = roster.rows().get(0);
        assertThat(guardian.role()).isEqualTo(RosterRole.GUARDIAN);
        assertThat(guardian.phone()).isEqualTo("+79161234567");
        assertThat(guardian.email()).isEqualTo("ivan@mail.ru");
        assertThat(guardian.children()).containsExactly(new ChildReference("Петров", "Пётр", "", "5Б"));
        RosterRow pupil = roster.rows().get(1);
        assertThat(pupil.className()).isEqualTo("5Б");
        assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2015, 9, 1));
        assertThat(pupil.personKey()).isEqualTo(guardian.children().getFirst().personKey());
        assertThat(roster.rows().get(2).subjects()).containsExactly("Математика");
    }

    @Test
    void subjectsInOneQuotedCellAreSplitOnCommaAndSemicolon() {
        ParsedRoster roster = readCsv(RosterFixtures.csv(",Сидоров,Олег,,Учитель,,,,\"физика; Математика, Физика\","));

        assertThat(roster.rows().getFirst().subjects()).containsExactly("Физика", "Математика");
    }

    @Test
    void titleLinesBeforeTheHeaderAreSkipped() {
        ParsedRoster roster = readCsv("МБОУ «СОШ № 1 г. Энска»\r\nСписок на 01.09.2026;;;\r\n\r\n"
                + RosterFixtures.csv("5А,Иванов,Иван,,Ученик,,,,,"));

        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(5);
            assertThat(row.fullName()).isEqualTo("Иванов Иван");
        });
    }

    @Test
    void singleFullNameColumnIsSplit() {
        ParsedRoster roster = readCsv(String.join(
                "\r\n",
                "ФИО\tКласс\tРоль\tФИО ребёнка",
                "  ИВАНОВА   мария  петровна \t5А\tРодитель\tиванов иван",
                "Алиев Руслан Ахмед оглы\t5А\tУченик\t",
                "Иванов Иван\t5А\tУченик\t"));

        assertThat(roster.errors()).isEmpty();
        assertThat(roster.format().separator()).isEqualTo('\t');
        assertThat(roster.rows())
                .extracting(RosterRow::surname, RosterRow::name, RosterRow::patronymic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Иванова", "Мария", "Петровна"),
                        org.assertj.core.groups.Tuple.tuple("Алиев", "Руслан", "Ахмед оглы"),
                        org.assertj.core.groups.Tuple.tuple("Иванов", "Иван", ""));
        assertThat(roster.rows().getFirst().children().getFirst().personKey())
                .isEqualTo(roster.rows().get(2).personKey());
    }

    @Test
    void quotedFieldsWithSeparatorsQuotesAndNewlines() {
        ParsedRoster roster = readCsv(RosterFixtures.csv(
                "\"5А\",\"Иванова\",\"Мария\",,Родитель,,,,,\"Иванов Иван (5А);",
                "Иванова Анна \"\"Младшая\"\" (5Б)\"",
                "5Б,Иванова,Анна,,Ученик,,,,,"));

        assertThat(roster.rows()).hasSize(1);
        assertThat(roster.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.code()).isEqualTo(RosterErrorCode.INVALID_CHILD);
        });
        ParsedRoster good = readCsv(RosterFixtures.csv(
                "\"5А\",\"Иванова\",\"Мария\",,Родитель,,,,\"\",\"Иванов Иван (5А);",
                "Иванова Анна (5Б)\"",
                "5Б,Иванова,Анна,,Ученик,,,,,"));
        assertThat(good.errors()).isEmpty();
        assertThat(good.rows().getFirst().children())
                .containsExactly(
                        new ChildReference("Иванов", "Иван", "", "5А"),
                        new ChildReference("Иванова", "Анна", "", "5Б"));
        assertThat(good.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void blankLinesAndRepeatedHeadersAreIgnoredAndLineNumbersStayPhysical() {
        ParsedRoster roster = readCsv(RosterFixtures.csv(
                "", "5А,Иванов,Иван,,Ученик,,,,,", " , , ", RosterFixtures.HEADER, "5А,Петров,Пётр,,Ученик,,,,,"));

        assertThat(roster.errors()).isEmpty();
        assertThat(roster.rows()).extracting(RosterRow::line).containsExactly(3, 6);
    }

    @Test
    void lfAndLoneCrLineEndsAreAccepted() {
        List<String> lines =
                List.of(RosterFixtures.HEADER, "5А,Иванов,Иван,,Ученик,,,,,", "5А,Петров,Пётр,,Ученик,,,,,");

        assertThat(readCsv(String.join("\n", lines)).rows()).hasSize(2);
        assertThat(readCsv(String.join("\r", lines)).rows())
                .extracting(RosterRow::line)
                .containsExactly(2, 3);
    }
}
