package ru.parta.rosters.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Records of the first sheet of an XLSX workbook, streamed with POI's SAX reader. Guarantees: only the current row
 * is held as cells (the package itself is buffered by POI); each record's line is the row number Excel shows; cells
 * are formatted by {@link RosterCellFormatter}; columns past {@link #MAX_COLUMNS} are ignored; formulas give their
 * cached value and error cells are empty.
 */
final class XlsxRecordSource implements RecordSource {

    static final int MAX_COLUMNS = 1_000;
    private static final Pattern RAW_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

    private final OPCPackage workbook;

    XlsxRecordSource(InputStream in) throws IOException {
        try {
            this.workbook = OPCPackage.open(in);
        } catch (OpenXML4JException e) {
            throw new IOException("Not an XLSX package", e);
        }
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.workbook(SourceFormat.Kind.XLSX);
    }

    @Override
    public void readAll(RecordSink sink) throws IOException, MalformedSourceException {
        try {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new RowCollector(sink), new RosterCellFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            throw stop.refusal;
        } catch (SAXException e) {
            if (e.getException() instanceof Stop stop) {
                throw stop.refusal;
            }
            throw new IOException("Broken sheet XML", e);
        } catch (OpenXML4JException | ParserConfigurationException e) {
            throw new IOException("Broken XLSX package", e);
        }
    }

    @Override
    public void close() {
        workbook.revert();
    }

    /** Carries the sink's refusal out of the SAX callbacks. */
    private static final class Stop extends RuntimeException {
        private final MalformedSourceException refusal;

        Stop(MalformedSourceException cause) {
            super(null, null, false, false);
            this.refusal = cause;
        }
    }

    /** Collects the cells of one row and hands the row to the sink when it ends. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RecordSink sink;
        private final List<String> cells = new ArrayList<>();

        RowCollector(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text(value));
        }

        @Override
        public void endRow(int rowNum) {
            try {
                sink.accept(new SourceRecord(rowNum + 1, List.copyOf(cells)));
            } catch (MalformedSourceException e) {
                throw new Stop(e);
            }
        }

        private static String text(String value) {
            if (value == null || value.startsWith("ERROR:")) {
                return "";
            }
            return RAW_NUMBER.matcher(value).matches() && value.contains("E")
                    ? RosterCellFormatter.plainNumber(value)
                    : value;
        }
    }
}
