package ru.parta.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws one {@link ReportRequest.Table} through a {@link ReportPages} flow. Guarantees: a row is never split across
 * pages; every page the table occupies starts with its header row; a heading is never left alone at the bottom of a
 * page; cells stay inside their column (wrapped onto at most {@value #MAX_LINES} lines, then shortened with «…»).
 */
final class TableBlock {

    static final float FONT_SIZE = 8.5f;
    private static final float LEADING = FONT_SIZE * 1.2f;
    private static final float PAD_X = 4;
    private static final float PAD_Y = 3.5f;
    private static final int MAX_LINES = 3;

    private final Fonts fonts;
    private final ReportPages pages;

    TableBlock(Fonts fonts, ReportPages pages) {
        this.fonts = fonts;
        this.pages = pages;
    }

    void draw(ReportRequest.Table table) throws IOException {
        float[] widths = widths(table.columns());
        List<List<String>> header = cells(fonts.bold(), headers(table), widths);
        float headerHeight = height(header);
        String heading = Texts.printable(fonts.bold(), table.heading());
        List<List<String>> first = table.rows().isEmpty()
                ? List.of(List.of("—"))
                : cells(fonts.regular(), table.rows().getFirst(), widths);
        pages.ensure(headingHeight(heading) + headerHeight + height(first));
        heading(heading, false);
        row(header, table.columns(), widths, headerHeight, true, false);
        if (table.rows().isEmpty()) {
            String none = Texts.printable(fonts.regular(), "Нет данных");
            pages.down(height(first));
            Texts.show(pages.content(), fonts.regular(), FONT_SIZE, pages.left() + PAD_X, pages.y() + PAD_Y + 2, none);
            pages.down(14);
            return;
        }
        int index = 0;
        for (List<String> values : table.rows()) {
            List<List<String>> lines = cells(fonts.regular(), values, widths);
            float height = height(lines);
            if (pages.ensure(height)) {
                heading(heading, true);
                row(header, table.columns(), widths, headerHeight, true, false);
            }
            row(lines, table.columns(), widths, height, false, index % 2 == 1);
            index++;
        }
        pages.down(14);
    }

    private void heading(String heading, boolean continued) throws IOException {
        if (heading.isEmpty()) {
            return;
        }
        PDFont font = continued ? fonts.regular() : fonts.bold();
        String text = continued ? heading + " (продолжение)" : heading;
        float size = continued ? 9 : 12;
        text = Texts.ellipsize(font, size, text, pages.width());
        pages.down(size * 1.2f);
        if (continued) {
            pages.content().setNonStrokingColor(0.35f);
        }
        Texts.show(pages.content(), font, size, pages.left(), pages.y(), text);
        pages.content().setNonStrokingColor(0f);
        pages.down(6);
    }

    private static float headingHeight(String heading) {
        return heading.isEmpty() ? 0 : 12 * 1.2f + 6;
    }

    private void row(
            List<List<String>> cells,
            List<ReportRequest.Column> columns,
            float[] widths,
            float height,
            boolean header,
            boolean shaded)
            throws IOException {
        PDPageContentStream content = pages.content();
        float top = pages.y();
        float bottom = top - height;
        if (header || shaded) {
            content.setNonStrokingColor(header ? 0.86f : 0.955f);
            content.addRect(pages.left(), bottom, pages.width(), height);
            content.fill();
            content.setNonStrokingColor(0f);
        }
        PDFont font = header ? fonts.bold() : fonts.regular();
        float x = pages.left();
        for (int c = 0; c < cells.size(); c++) {
            float baseline = top - PAD_Y - FONT_SIZE;
            for (String line : cells.get(c)) {
                float textX = x + PAD_X;
                if (columns.get(c).numeric()) {
                    textX = x + widths[c] - PAD_X - Texts.width(font, FONT_SIZE, line);
                }
                Texts.show(content, font, FONT_SIZE, textX, baseline, line);
                baseline -= LEADING;
            }
            x += widths[c];
        }
        content.setStrokingColor(header ? 0.45f : 0.78f);
        content.setLineWidth(header ? 0.8f : 0.4f);
        content.moveTo(pages.left(), bottom);
        content.lineTo(pages.left() + pages.width(), bottom);
        content.stroke();
        pages.down(height);
    }

    private float[] widths(List<ReportRequest.Column> columns) {
        double total =
                columns.stream().mapToDouble(ReportRequest.Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (pages.width() * columns.get(i).weight() / total);
        }
        return widths;
    }

    private static List<String> headers(ReportRequest.Table table) {
        return table.columns().stream().map(ReportRequest.Column::header).toList();
    }

    private List<List<String>> cells(PDFont font, List<String> values, float[] widths) {
        List<List<String>> cells = new ArrayList<>(values.size());
        for (int c = 0; c < values.size(); c++) {
            String text = Texts.printable(font, values.get(c));
            float room = Math.max(widths[c] - 2 * PAD_X, 1);
            if (Texts.width(font, FONT_SIZE, text) <= room) {
                cells.add(List.of(text));
                continue;
            }
            List<String> lines = Texts.wrap(font, FONT_SIZE, text, room);
            if (lines.size() > MAX_LINES) {
                String tail = String.join(" ", lines.subList(MAX_LINES - 1, lines.size()));
                lines = new ArrayList<>(lines.subList(0, MAX_LINES));
                lines.set(MAX_LINES - 1, Texts.ellipsize(font, FONT_SIZE, tail, room));
            }
            cells.add(lines);
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return 2 * PAD_Y + FONT_SIZE + (lines - 1) * LEADING + 2;
    }
}
