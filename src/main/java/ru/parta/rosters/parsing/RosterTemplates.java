package ru.parta.rosters.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Blank roster files for schools to fill in. Guarantees: both templates carry the standard header
 * ({@link #HEADER}) and the same three example rows (a pupil, the pupil's guardian, a teacher), and both read back
 * through {@link RosterReader} with no errors. The CSV is UTF-8 with a BOM (Excel opens it correctly); the XLSX has
 * a bold header and a real date cell for the birth date.
 */
public final class RosterTemplates {

    /** The standard column order. */
    public static final List<String> HEADER = List.of(
            "Класс", "Фамилия", "Имя", "Отчество", "Роль", "Дата рождения", "Телефон", "Email", "Предметы", "Ребёнок");

    private static final LocalDate PUPIL_BIRTH_DATE = LocalDate.of(2015, 9, 15);
    private static final List<List<String>> EXAMPLES = List.of(
            List.of("5А", "Иванов", "Иван", "Иванович", "Ученик", "15.09.2015", "", "", "", ""),
            List.of(
                    "5А",
                    "Иванова",
                    "Мария",
                    "Петровна",
                    "Родитель",
                    "",
                    "+7 900 123-45-67",
                    "ivanova@example.ru",
                    "",
                    "Иванов Иван Иванович (5А)"),
            List.of(
                    "",
                    "Петров",
                    "Пётр",
                    "Сергеевич",
                    "Учитель",
                    "",
                    "+7 900 765-43-21",
                    "petrov@example.ru",
                    "Математика, Информатика",
                    ""));
    private static final int BIRTH_DATE_COLUMN = HEADER.indexOf("Дата рождения");

    private RosterTemplates() {}

    /** The CSV template: UTF-8 with BOM, comma-separated, CRLF line ends. */
    public static byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF");
        appendCsvLine(text, HEADER);
        EXAMPLES.forEach(row -> appendCsvLine(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The XLSX template: one sheet «Список», bold header, example rows. */
    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Список");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, 20 * 256);
            }
            for (int r = 0; r < EXAMPLES.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = EXAMPLES.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    if (i == BIRTH_DATE_COLUMN && !values.get(i).isEmpty()) {
                        cell.setCellValue(PUPIL_BIRTH_DATE);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(values.get(i));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the XLSX template", e);
        }
    }

    private static void appendCsvLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0;
            text.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        text.append("\r\n");
    }
}
