package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookRosterTests {

    @Test
    void xlsxTemplateReadsBackWithoutErrors() throws IOException {
        byte[] template = RosterTemplates.xlsx();

        ParsedRoster roster = read(template, "Шаблон.xlsx");

        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.errors()).isEmpty();
        assertThat(roster.format().kind()).isEqualTo(SourceFormat.Kind.XLSX);
        assertThat(roster.rows())
                .extracting(RosterRow::role)
                .containsExactly(RosterRole.PUPIL, RosterRole.GUARDIAN, RosterRole.TEACHER);
        assertThat(roster.rows().getFirst().birthDate()).isEqualTo(LocalDate.of(2015, 9, 15));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Ребёнок");
        }
    }

    @Test
    void csvTemplateReadsBackWithoutErrorsAndMatchesTheXlsxTemplate() {
        byte[] csv = RosterTemplates.csv();

        ParsedRoster roster = read(csv, "Шаблон.csv");

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(String.join(",", RosterTemplates.HEADER));
        assertThat(roster.errors()).isEmpty();
        assertThat(roster.rows()).hasSize(3);
        assertThat(roster.rows())
                .isEqualTo(read(RosterTemplates.xlsx(), "Шаблон.xlsx").rows());
    }

    @Test
    void generatedWorkbookWithRealDatesNumbersTitleAndShuffledColumns() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook());

        ParsedRoster roster = read(bytes, "список.xlsx");

        assertGeneratedRows(roster);
    }

    @Test
    void legacyXlsWorkbookIsReadToo() throws IOException {
        byte[] bytes = workbook(new HSSFWorkbook());

        ParsedRoster roster = read(bytes, "список.xls");

        assertThat(roster.format().kind()).isEqualTo(SourceFormat.Kind.XLS);
        assertGeneratedRows(roster);
    }

    @Test
    void sampleConvertedToXlsxGivesTheSameRowsAsTheCsv() throws IOException {
        ParsedRoster csv = read(RosterFixtures.sample(), "roster-sample.csv");
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            String[] lines = SampleRosterTests.requoteSubjects(RosterFixtures.sampleText())
                    .split("\r\n");
            for (int r = 0; r < lines.length; r++) {
                List<String> cells = CsvRecordReader.split(lines[r], ';');
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
            bytes = out.toByteArray();
        }

        assertThat(read(bytes, "sample.xlsx").rows()).isEqualTo(csv.rows());
    }

    private static void assertGeneratedRows(ParsedRoster roster) {
        assertThat(roster.fileError()).isEmpty();
        assertThat(roster.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.code()).isEqualTo(RosterErrorCode.INVALID_DATE);
        });
        assertThat(roster.rows()).hasSize(2);
        RosterRow pupil = roster.rows().get(0);
        assertThat(pupil.line()).isEqualTo(3);
        assertThat(pupil.fullName()).isEqualTo("Иванов Иван Иванович");
        assertThat(pupil.className()).isEqualTo("5А");
        assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2015, 3, 19));
        RosterRow guardian = roster.rows().get(1);
        assertThat(guardian.phone()).isEqualTo("+79161234567");
        assertThat(guardian.birthDate()).isEqualTo(LocalDate.of(1985, 12, 1));
        assertThat(guardian.children().getFirst().personKey()).isEqualTo(pupil.personKey());
    }

    /** Title row, blank row, shuffled header; a real date cell, a text date, a phone stored as a number. */
    private static byte[] workbook(Workbook workbook) throws IOException {
        try (workbook;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            Sheet sheet = workbook.createSheet("Ученики");
            sheet.createRow(0).createCell(0).setCellValue("МБОУ СОШ № 1");
            Row header = sheet.createRow(1);
            String[] names = {"Роль", "ФИО", "Класс", "ДР", "Мобильный", "ФИО ребёнка"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row pupil = sheet.createRow(2);
            pupil.createCell(0).setCellValue("Ученик");
            pupil.createCell(1).setCellValue("иванов иван иванович");
            pupil.createCell(2).setCellValue("5а");
            pupil.createCell(3).setCellValue(LocalDate.of(2015, 3, 19));
            pupil.getCell(3).setCellStyle(date);
            Row guardian = sheet.createRow(3);
            guardian.createCell(0).setCellValue("Родитель");
            guardian.createCell(1).setCellValue("Иванова Мария");
            guardian.createCell(2).setCellValue("5А");
            guardian.createCell(3).setCellValue("01.12.1985");
            guardian.createCell(4).setCellValue(79161234567d);
            guardian.createCell(5).setCellValue("Иванов Иван Иванович");
            Row broken = sheet.createRow(4);
            broken.createCell(0).setCellValue("Ученик");
            broken.createCell(1).setCellValue("Петров Пётр");
            broken.createCell(2).setCellValue("5А");
            broken.createCell(3).setCellValue("31.02.2015");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
