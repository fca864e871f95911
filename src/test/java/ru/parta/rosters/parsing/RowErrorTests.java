package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.csv;
import static ru.parta.rosters.parsing.RosterFixtures.readCsv;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowErrorTests {

    private static final String GOOD_PUPIL = "5А,Иванов,Иван,Иванович,Ученик,15.09.2015,,,,";
    private static final String GOOD_TEACHER = ",Петров,Пётр,,Учитель,,,,,";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MISSING_SURNAME | 5А,,Иван,,Ученик,,,,,
            MISSING_NAME    | 5А,Иванов,  ,,Ученик,,,,,
            INVALID_NAME    | 5А,Иванов2,Иван,,Ученик,,,,,
            MISSING_ROLE    | 5А,Иванов,Иван,,,,,,,
            UNKNOWN_ROLE    | 5А,Иванов,Иван,,Дворник,,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,31.02.2015,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,15.13.2015,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,вчера,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,01.01.2030,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,01.01.2024,,,,
            INVALID_DATE    | 5А,Иванов,Иван,,Ученик,01.01.1900,,,,
            INVALID_DATE    | ,Иванов,Иван,,Учитель,01.01.1890,,,,
            MISSING_CLASS   | ,Иванов,Иван,,Ученик,,,,,
            MISSING_CLASS   | ,Иванов,Иван,,Классный руководитель,,,,,
            INVALID_CLASS   | 12А,Иванов,Иван,,Ученик,,,,,
            INVALID_CLASS   | пятый,Иванов,Иван,,Учитель,,,,,
            MISSING_CHILD   | 5А,Иванова,Мария,,Родитель,,,,,
            INVALID_CHILD   | 5А,Иванова,Мария,,Родитель,,,,,Иванов
            INVALID_CHILD   | 5А,Иванова,Мария,,Родитель,,,,,Иванов Иван (15Я)
            INVALID_PHONE   | 5А,Иванова,Мария,,Родитель,,12345,,,Иванов Иван
            INVALID_PHONE   | 5А,Иванова,Мария,,Родитель,,+7 916 123-45-6x,,,Иванов Иван
            INVALID_EMAIL   | 5А,Иванова,Мария,,Родитель,,,ivanova@,,Иванов Иван
            INVALID_EMAIL   | 5А,Иванова,Мария,,Родитель,,,ivanova mail.ru,,Иванов Иван
            EXTRA_FIELDS    | 5А,Иванов,Иван,,Ученик,,,,,,лишнее
            """)
    void brokenRowIsReportedWithItsLineWhileGoodRowsAreKept(RosterErrorCode code, String brokenLine) {
        ParsedRoster roster = readCsv(csv(GOOD_PUPIL, brokenLine, GOOD_TEACHER));

        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.rows()).extracting(RosterRow::line).containsExactly(2, 4);
        assertThat(roster.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.code().fileLevel()).isFalse();
            assertThat(error.message()).isNotBlank().matches(".*[А-Яа-я].*");
        });
    }

    @Test
    void rowWithSeveralProblemsReportsEachWithItsRawValue() {
        ParsedRoster roster = readCsv(csv("5Ж-Z,,Иван,,Родитель,32.01.1980,999,a@b,,"));

        assertThat(roster.rows()).isEmpty();
        assertThat(roster.errors())
                .extracting(RowError::code)
                .containsExactlyInAnyOrder(
                        RosterErrorCode.MISSING_SURNAME,
                        RosterErrorCode.INVALID_CLASS,
                        RosterErrorCode.INVALID_DATE,
                        RosterErrorCode.INVALID_PHONE,
                        RosterErrorCode.INVALID_EMAIL,
                        RosterErrorCode.MISSING_CHILD);
        assertThat(roster.errors())
                .filteredOn(error -> error.code() == RosterErrorCode.INVALID_PHONE)
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.rawValue()).isEqualTo("999");
                    assertThat(error.column()).isEqualTo("Телефон");
                    assertThat(error.line()).isEqualTo(2);
                });
    }

    @Test
    void pupilAgeMessageNamesTheAge() {
        ParsedRoster roster = readCsv(csv("5А,Иванов,Иван,,Ученик,01.01.2024,,,,"));

        assertThat(roster.errors())
                .singleElement()
                .satisfies(error ->
                        assertThat(error.message()).isEqualTo("Возраст ученика — 2 года, ожидается от 5 до 100 лет"));
        assertThat(RowMapper.years(1)).isEqualTo("год");
        assertThat(RowMapper.years(11)).isEqualTo("лет");
        assertThat(RowMapper.years(21)).isEqualTo("год");
        assertThat(RowMapper.years(101)).isEqualTo("год");
        assertThat(RowMapper.years(7)).isEqualTo("лет");
    }

    @Test
    void unknownRoleMessageQuotesTheWord() {
        ParsedRoster roster = readCsv(csv("5А,Иванов,Иван,,  Сторож ,,,,,"));

        assertThat(roster.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("Неизвестная роль «Сторож»");
            assertThat(error.rawValue()).isEqualTo("  Сторож ");
        });
    }

    @Test
    void messyButValidRowsAreNormalised() {
        ParsedRoster roster = readCsv(csv(
                " 5 а ,  иванов  ,\u00a0ИВАН\u00a0, иванович ,  ученик  , 5.9.2015 ,,,,",
                "5-A,ИВАНОВ-ПЕТРОВ,Пётр,,УЧАЩИЙСЯ,2015-09-05,,,,",
                "5a,Ивaнов,Сeмён,,обучающийся,05/09/2015,,,,",
                "5А,Иванова,Мария,,законный  представитель,,89161234567,,,\"ИВАНОВ ИВАН ИВАНОВИЧ; Семёнов Петр (5Б)\"",
                ",Петров,Пётр,,зам. директора по УВР,,9161234567,,,",
                ",Сидоров,Олег,,Завуч,,+7 (916) 123 45 67,,,"));

        assertThat(roster.errors()).isEmpty();
        List<RosterRow> rows = roster.rows();
        assertThat(rows.get(0).fullName()).isEqualTo("Иванов Иван Иванович");
        assertThat(rows.get(0).className()).isEqualTo("5А");
        assertThat(rows.get(1).surname()).isEqualTo("Иванов-Петров");
        assertThat(rows.get(1).role()).isEqualTo(RosterRole.PUPIL);
        assertThat(rows.get(2).surname()).isEqualTo("Иванов").matches("[А-Яа-я]+");
        assertThat(rows.get(2).className()).isEqualTo("5А");
        assertThat(rows)
                .extracting(RosterRow::birthDate)
                .first()
                .isEqualTo(rows.get(1).birthDate());
        assertThat(rows.get(3).children())
                .containsExactly(
                        new ChildReference("Иванов", "Иван", "Иванович", "5А"),
                        new ChildReference("Семёнов", "Петр", "", "5Б"));
        assertThat(rows.get(3).children().getFirst().personKey())
                .isEqualTo(rows.get(0).personKey());
        assertThat(rows.get(3).phone()).isEqualTo("+79161234567");
        assertThat(rows.get(4).role()).isEqualTo(RosterRole.DEPUTY);
        assertThat(rows.get(4).phone()).isEqualTo("+79161234567");
        assertThat(rows.get(5).role()).isEqualTo(RosterRole.DEPUTY);
        assertThat(rows.get(5).phone()).isEqualTo("+79161234567");
    }
}
