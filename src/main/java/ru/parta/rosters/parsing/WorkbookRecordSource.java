package ru.parta.rosters.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Records of the first sheet of a legacy XLS workbook (read whole by POI's user model; XLS holds at most 65,536
 * rows). XLSX goes through the streaming {@link XlsxRecordSource}. Guarantees: each record's line is the row number Excel
 * shows; date-formatted cells become ISO dates («2015-03-19»); whole numbers are written without exponent or
 * «.0» (phones stored as numbers survive); formulas give their cached value; other cells their displayed text.
 */
final class WorkbookRecordSource implements RecordSource {

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final SourceFormat format;
    private final DataFormatter formatter = new RosterCellFormatter();

    WorkbookRecordSource(InputStream in, SourceFormat.Kind kind) throws IOException {
        this.workbook = WorkbookFactory.create(in);
        Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
        this.rows = sheet == null ? List.<Row>of().iterator() : sheet.rowIterator();
        this.format = SourceFormat.workbook(kind);
    }

    @Override
    public void readAll(RecordSink sink) throws MalformedSourceException {
        while (rows.hasNext()) {
            Row row = rows.next();
            int width = Math.min(Math.max(row.getLastCellNum(), 0), XlsxRecordSource.MAX_COLUMNS);
            List<String> cells = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                cells.add(text(row.getCell(i)));
            }
            sink.accept(new SourceRecord(row.getRowNum() + 1, cells));
        }
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> numeric(cell);
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private String numeric(Cell cell) {
        double value = cell.getNumericCellValue();
        return formatter.formatRawCellContents(
                value, cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
