package ru.parta.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.parta.reports.CoverageReport.Counts;
import ru.parta.reports.CoverageReport.NotConnected;
import ru.parta.reports.CoverageReport.RoleLine;
import ru.parta.reports.CoverageReport.UnitLine;

/**
 * Renders a {@link CoverageReport} as an XLSX workbook with three sheets, each with a bold Russian header row:
 * «Сводка» (per role and the total), «Подразделения» (per sub-unit) and «Не подключены» (people not yet connected,
 * without any contact data or message counts). Pure: same report, same workbook content.
 */
final class CoverageXlsx {

    static final String SUMMARY = "Сводка";
    static final String UNITS = "Подразделения";
    static final String NOT_CONNECTED = "Не подключены";

    private static final List<String> COUNT_HEADERS =
            List.of("В списке", "Активированы", "Подключены", "Активны за 7 дней", "Подключено, %");

    private CoverageXlsx() {}

    static byte[] render(CoverageReport report) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet summary = book.createSheet(SUMMARY);
            header(summary, bold, "Роль");
            int r = 1;
            for (RoleLine line : report.roles()) {
                counts(summary.createRow(r++), line.label(), line.counts());
            }
            Row total = summary.createRow(r++);
            counts(total, "Всего (каждый человек один раз)", report.totals());
            total.getCell(0).setCellStyle(bold);
            r++;
            summary.createRow(r++).createCell(0).setCellValue("Подразделение: " + report.unitName());
            summary.createRow(r++).createCell(0).setCellValue("Цель, %: " + report.targetPercent());
            summary.createRow(r++)
                    .createCell(0)
                    .setCellValue(
                            report.deadline() == null
                                    ? "Срок не установлен"
                                    : "Срок: " + report.deadline() + ", осталось дней: " + report.daysLeft());
            autosize(summary, 6);

            Sheet units = book.createSheet(UNITS);
            header(units, bold, "Подразделение");
            r = 1;
            for (UnitLine line : report.units()) {
                counts(units.createRow(r++), line.name(), line.counts());
            }
            autosize(units, 6);

            Sheet people = book.createSheet(NOT_CONNECTED);
            Row head = people.createRow(0);
            String[] titles = {"ФИО", "Роли", "Класс", "Статус приглашения"};
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
                head.getCell(i).setCellStyle(bold);
            }
            r = 1;
            for (NotConnected p : report.notConnected()) {
                Row row = people.createRow(r++);
                row.createCell(0).setCellValue(p.fullName());
                row.createCell(1)
                        .setCellValue(String.join(
                                ", ",
                                p.roles().stream().map(CoverageXlsx::roleName).toList()));
                row.createCell(2).setCellValue(String.join(", ", p.classes()));
                row.createCell(3).setCellValue(p.invitation().label());
            }
            autosize(people, 4);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The singular Russian name of a role, for one person's line. */
    static String roleName(ru.parta.organizations.PersonRole role) {
        return switch (role) {
            case PUPIL -> "Ученик";
            case GUARDIAN -> "Родитель";
            case TEACHER -> "Учитель";
            case CLASS_TEACHER -> "Классный руководитель";
            case DIRECTOR -> "Директор";
            case DEPUTY -> "Заместитель директора";
            case SCHOOL_ADMIN -> "Администратор школы";
            case DEPARTMENT_STAFF -> "Сотрудник управления образования";
        };
    }

    private static void header(Sheet sheet, CellStyle bold, String first) {
        Row row = sheet.createRow(0);
        row.createCell(0).setCellValue(first);
        for (int i = 0; i < COUNT_HEADERS.size(); i++) {
            row.createCell(i + 1).setCellValue(COUNT_HEADERS.get(i));
        }
        row.forEach(c -> c.setCellStyle(bold));
    }

    private static void counts(Row row, String name, Counts c) {
        row.createCell(0).setCellValue(name);
        row.createCell(1).setCellValue(c.rostered());
        row.createCell(2).setCellValue(c.activated());
        row.createCell(3).setCellValue(c.connected());
        row.createCell(4).setCellValue(c.active7d());
        row.createCell(5).setCellValue(c.connectedPercent());
    }

    private static void autosize(Sheet sheet, int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 20 * 256);
        }
    }
}
