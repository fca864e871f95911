package ru.parta.documents;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link ReportRequest.BarChart} as horizontal bars built from rectangles: label, grey track for 0–100 %,
 * filled bar, value. Guarantees: the bar length is proportional to the percentage and never leaves its track; a
 * bar line is never split across pages and the heading is kept with the first bar.
 */
final class BarChartBlock {

    private static final float SIZE = 8.5f;
    private static final float LINE = 16;
    private static final float BAR = 9;
    private static final float VALUE_WIDTH = 42;

    private final Fonts fonts;
    private final ReportPages pages;

    BarChartBlock(Fonts fonts, ReportPages pages) {
        this.fonts = fonts;
        this.pages = pages;
    }

    void draw(ReportRequest.BarChart chart) throws IOException {
        String heading = Texts.printable(fonts.bold(), chart.heading());
        float headingHeight = heading.isEmpty() ? 0 : 12 * 1.2f + 8;
        pages.ensure(headingHeight + LINE);
        if (!heading.isEmpty()) {
            pages.down(12 * 1.2f);
            Texts.show(pages.content(), fonts.bold(), 12, pages.left(), pages.y(), heading);
            pages.down(8);
        }
        float labelWidth = pages.width() * 0.3f;
        for (ReportRequest.Bar bar : chart.bars()) {
            pages.ensure(LINE);
            line(bar, labelWidth);
        }
        pages.down(14);
    }

    private void line(ReportRequest.Bar bar, float labelWidth) throws IOException {
        PDPageContentStream content = pages.content();
        PDFont regular = fonts.regular();
        float top = pages.y();
        float baseline = top - LINE / 2 - SIZE * 0.35f;
        String label = Texts.ellipsize(regular, SIZE, Texts.printable(regular, bar.label()), labelWidth - 6);
        Texts.show(content, regular, SIZE, pages.left(), baseline, label);

        float trackX = pages.left() + labelWidth;
        float trackWidth = pages.width() - labelWidth - VALUE_WIDTH;
        float barY = top - LINE / 2 - BAR / 2;
        content.setNonStrokingColor(0.92f);
        content.addRect(trackX, barY, trackWidth, BAR);
        content.fill();
        float length = (float) (trackWidth * Math.clamp(bar.percent(), 0, 100) / 100);
        if (length > 0) {
            content.setNonStrokingColor(0.18f, 0.42f, 0.70f);
            content.addRect(trackX, barY, length, BAR);
            content.fill();
        }
        content.setNonStrokingColor(0f);
        String value = percent(bar.percent());
        float valueX = pages.left() + pages.width() - Texts.width(fonts.bold(), SIZE, value);
        Texts.show(content, fonts.bold(), SIZE, valueX, baseline, value);
        pages.down(LINE);
    }

    /** «87,5 %», «100 %»: Russian decimal comma, at most one decimal. */
    static String percent(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString().replace('.', ',') + " %";
    }
}
