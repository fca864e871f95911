package ru.parta.rosters.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.parta.rosters.parsing.RosterFixtures.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookEdgeTests {

    @Test
    void twoDigitYearDateFormatAndFormulasStillGiveFullValues() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            header(sheet, "Класс", "Фамилия", "Имя", "Роль", "Дата рождения", "Телефон");
            CellStyle shortDate = workbook.createCellStyle();
            shortDate.setDataFormat((short) 14); // built-in «m/d/yy»
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"5\"&\"А\"");
            row.createCell(1).setCellValue("Иванов");
            row.createCell(2).setCellValue("Иван");
            row.createCell(3).setCellValue("Ученик");
            row.createCell(4).setCellValue(LocalDate.of(2015, 3, 19));
            row.getCell(4).setCellStyle(shortDate);
            row.createCell(5).setCellValue(9161234567d);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }

        ParsedRoster roster = read(bytes, "r.xlsx");

        assertThat(roster.errors()).isEmpty();
        assertThat(roster.rows()).singleElement().satisfies(pupil -> {
            assertThat(pupil.className()).isEqualTo("5А");
            assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2015, 3, 19));
            assertThat(pupil.phone()).isEqualTo("+79161234567");
        });
    }

    @Test
    void onlyTheFirstSheetIsRead() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = workbook.createSheet("Список");
            header(first, "Фамилия", "Имя", "Роль");
            values(first.createRow(1), "Петров", "Пётр", "Директор");
            Sheet second = workbook.createSheet("Архив");
            header(second, "Фамилия", "Имя", "Роль");
            values(second.createRow(1), "Сидоров", "Олег", "Директор");
            workbook.write(out);
            bytes = out.toByteArray();
        }

        assertThat(read(bytes, "r.xlsx").rows()).extracting(RosterRow::surname).containsExactly("Петров");
    }

    @Test
    void tenThousandRowWorkbookIsStreamedAndTheRowLimitStopsEarly() throws IOException {
        int count = 10_000;
        byte[] bytes;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            header(sheet, "Класс", "ФИО", "Роль");
            for (int i = 1; i <= count; i++) {
                values(sheet.createRow(i), (1 + i % 11) + "Б", "Ученик" + "ов Ученик Учеников", "Ученик");
            }
            workbook.write(out);
            bytes = out.toByteArray();
        }

        ParsedRoster roster = read(bytes, "big.xlsx");
        ParsedRoster limited =
                new RosterReader(RosterFixtures.CLOCK, 100).read(new java.io.ByteArrayInputStream(bytes), "big.xlsx");

        assertThat(roster.errors()).isEmpty();
        assertThat(roster.rows()).hasSize(count);
        assertThat(roster.rows().getLast().line()).isEqualTo(count + 1);
        assertThat(limited.fileError()).map(FileError::code).contains(RosterErrorCode.TOO_MANY_ROWS);
    }

    @Test
    void passwordProtectedWorkbookIsRefusedWithItsOwnCode() throws Exception {
        byte[] bytes;
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("секрет");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(RosterTemplates.xlsx());
            }
            fs.writeFilesystem(out);
            bytes = out.toByteArray();
        }

        assertThat(read(bytes, "r.xlsx").fileError()).map(FileError::code).contains(RosterErrorCode.ENCRYPTED_FILE);
    }

    @Test
    void emptyWorkbookHasNoHeader() throws IOException {
        byte[] bytes;
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet();
            workbook.write(out);
            bytes = out.toByteArray();
        }

        assertThat(read(bytes, "r.xlsx").fileError()).map(FileError::code).contains(RosterErrorCode.HEADER_NOT_FOUND);
    }

    private static void header(Sheet sheet, String... names) {
        values(sheet.createRow(0), names);
    }

    private static void values(Row row, String... values) {
        List<String> cells = List.of(values);
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }
}
