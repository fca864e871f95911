package ru.parta.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TableReports#render} prints: a title, subtitle lines and sections in order, closed by a signature
 * line. Guarantees after construction: every list is immutable and non-null, text is never null (null becomes
 * empty), every table row has exactly as many cells as the table has columns, percentages are within 0–100, and
 * the whole request holds at most {@link #MAX_ROWS} table rows.
 *
 * @param title e.g. «Отчёт о подключении»
 * @param subtitleLines e.g. «МБОУ "СОШ № 5"», «По состоянию на 01.10.2025», «Срок: 15.10.2025»
 * @param sections tables and bar charts, printed in this order
 */
public record ReportRequest(String title, List<String> subtitleLines, List<Section> sections) {

    /** The most table rows one report may hold, over all its tables. */
    public static final int MAX_ROWS = 200_000;

    public ReportRequest {
        title = Objects.requireNonNullElse(title, "");
        subtitleLines = cleanText(subtitleLines);
        sections = List.copyOf(Objects.requireNonNullElse(sections, List.of()));
        long rows = sections.stream()
                .mapToLong(s -> s instanceof Table t ? t.rows().size() : 0)
                .sum();
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("A report may hold at most " + MAX_ROWS + " rows: " + rows);
        }
    }

    /** A section of the report: a {@link Table} or a {@link BarChart}. */
    public sealed interface Section permits Table, BarChart {
        String heading();
    }

    /**
     * A table. Its header row is repeated at the top of every page the table continues on; long cells wrap onto up
     * to three lines.
     *
     * @param heading printed above the table, e.g. «Не подключены»
     * @param columns 1..12 columns
     * @param rows the cells as printed, one list per row, each exactly {@code columns.size()} long
     */
    public record Table(String heading, List<Column> columns, List<List<String>> rows) implements Section {

        public Table {
            heading = Objects.requireNonNullElse(heading, "");
            columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
            if (columns.isEmpty() || columns.size() > 12) {
                throw new IllegalArgumentException("A table needs 1..12 columns: " + columns.size());
            }
            List<List<String>> copy =
                    new ArrayList<>(Objects.requireNonNullElse(rows, List.of()).size());
            for (List<String> row : Objects.requireNonNullElse(rows, List.<List<String>>of())) {
                if (row == null || row.size() != columns.size()) {
                    throw new IllegalArgumentException("Row " + (copy.size() + 1) + " needs " + columns.size()
                            + " cells: " + (row == null ? 0 : row.size()));
                }
                copy.add(cleanText(row));
            }
            rows = List.copyOf(copy);
        }
    }

    /**
     * A column of a {@link Table}.
     *
     * @param header the header cell
     * @param weight its share of the page width relative to the other columns (> 0)
     * @param numeric right-aligned when true
     */
    public record Column(String header, float weight, boolean numeric) {

        public Column {
            header = Objects.requireNonNullElse(header, "");
            if (!(weight > 0) || Float.isInfinite(weight)) {
                throw new IllegalArgumentException("Column weight must be positive: " + weight);
            }
        }

        /** A left-aligned text column. */
        public static Column text(String header, float weight) {
            return new Column(header, weight, false);
        }

        /** A right-aligned numeric column. */
        public static Column number(String header, float weight) {
            return new Column(header, weight, true);
        }
    }

    /**
     * A horizontal bar chart of percentages, e.g. connection per class.
     *
     * @param heading printed above the chart
     * @param bars one bar per line, in order
     */
    public record BarChart(String heading, List<Bar> bars) implements Section {

        public BarChart {
            heading = Objects.requireNonNullElse(heading, "");
            bars = List.copyOf(Objects.requireNonNullElse(bars, List.of()));
        }
    }

    /**
     * One bar.
     *
     * @param label e.g. «5А»
     * @param percent 0–100
     */
    public record Bar(String label, double percent) {

        public Bar {
            label = Objects.requireNonNullElse(label, "");
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("Percent must be within 0..100: " + percent);
            }
        }
    }

    private static List<String> cleanText(List<String> values) {
        return Objects.requireNonNullElse(values, List.<String>of()).stream()
                .map(value -> Objects.requireNonNullElse(value, ""))
                .toList();
    }
}
