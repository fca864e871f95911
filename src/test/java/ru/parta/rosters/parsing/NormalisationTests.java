package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalisationTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5 А      | 5А
            5а       | 5А
            5-А      | 5А
            5a       | 5А
            5 "А"    | 5А
            5 «а»    | 5А
            5А класс | 5А
            11b      | 11Б
            10B      | 10В
            1        | 1
            11 Е     | 11Е
            7ё       | 7Е
            """)
    void classNames(String raw, String expected) {
        assertThat(ClassNames.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0А", "12А", "5АБВ", "А5", "пятый", "5!"})
    void notClassNames(String raw) {
        assertThat(ClassNames.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +7 906 074-68-12   | +79060746812
            8 (906) 074-68-12  | +79060746812
            79060746812        | +79060746812
            9060746812         | +79060746812
            8-495-123-45-67    | +74951234567
            +7 906 074-68-12, 8 900 000 00 00 | +79060746812
            """)
    void phones(String raw, String expected) {
        assertThat(Phones.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "12345", "+8 906 074-68-12", "8906074681", "89060746812345", "доб. 123", "+380501234567"})
    void notPhones(String raw) {
        assertThat(Phones.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.03.2018", "19.3.2018", "2018-03-19", "19/03/2018", " 19.03.2018 0:00:00 "})
    void birthDates(String raw) {
        assertThat(BirthDates.parse(raw)).contains(LocalDate.of(2018, 3, 19));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2015", "29.02.2019", "19.03.18", "2018/03/19", "март 2018", "00.01.2018"})
    void notBirthDates(String raw) {
        assertThat(BirthDates.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Ученик                          | PUPIL
            обучающаяся                     | PUPIL
            УЧАЩИЙСЯ                        | PUPIL
            Родитель (законный представитель) | GUARDIAN
            законный   представитель        | GUARDIAN
            Педагог                         | TEACHER
            Учитель математики              | TEACHER
            Классный  руководитель          | CLASS_TEACHER
            Кл. руководитель                | CLASS_TEACHER
            директор                        | DIRECTOR
            Заместитель директора по УВР    | DEPUTY
            Завуч                           | DEPUTY
            Администратор                   | SCHOOL_ADMIN
            """)
    void roles(String raw, RosterRole expected) {
        assertThat(RosterRole.parse(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Дворник", "Учительница?", "уч"})
    void unknownRoles(String raw) {
        assertThat(RosterRole.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Дата рождения         | BIRTH_DATE
            ДР                    | BIRTH_DATE
            Дата_рождения         | BIRTH_DATE
            E-mail                | EMAIL
            Почта                 | EMAIL
            Мобильный             | PHONE
            Ребенок               | CHILD
            Ученик (для родителя) | CHILD
            ФИО ребёнка           | CHILD
            Предмет               | SUBJECTS
            Должность             | ROLE
            ' ф.и.о. '            | FULL_NAME
            КЛАСС                 | CLASS
            """)
    void headerVariants(String cell, RosterColumn expected) {
        assertThat(RosterColumn.recognise(cell)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Примечание", "Иванов", "5А", "№"})
    void notHeaders(String cell) {
        assertThat(RosterColumn.recognise(cell)).isEmpty();
    }

    @Test
    void personKeyIgnoresCaseYoLookAlikesAndSpacing() {
        PersonKey key = PersonKey.of("Семёнов-Петров", "Пётр", "Алексеевич");

        assertThat(PersonKey.of(" СЕМЕНОВ - петров ", "петр", "АЛЕКСЕЕВИЧ")).isEqualTo(key);
        assertThat(PersonKey.of("Ceмёнов-Пeтров", "Пётр", "Aлeкcеевич")).isEqualTo(key); // Latin C, e, A
        assertThat(PersonKey.of("Семёнов-Петров", "Пётр", "")).isNotEqualTo(key);
        assertThat(PersonKey.of("Семёнов", "Петров", "Пётр Алексеевич"))
                .isNotEqualTo(PersonKey.of("Семёнов Петров", "Пётр", "Алексеевич"));
    }

    @Test
    void namesAreCleanedAndCapitalised() {
        assertThat(Text.capitaliseName(Text.clean("  иванов\u00a0 "))).isEqualTo("Иванов");
        assertThat(Text.capitaliseName("ИВАНОВ-ПЕТРОВ")).isEqualTo("Иванов-Петров");
        assertThat(Text.capitaliseName("АХМЕД ОГЛЫ")).isEqualTo("Ахмед оглы");
        assertThat(Text.capitaliseName("оглы")).isEqualTo("Оглы");
        assertThat(Text.clean("Анна\u200b  \t Мария")).isEqualTo("Анна Мария");
        assertThat(Text.toCyrillicLookAlikes("Иванoв Smith")).isEqualTo("Иванов Smith");
    }
}
