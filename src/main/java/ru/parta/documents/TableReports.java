package ru.parta.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.springframework.stereotype.Component;

/**
 * A4 portrait table reports such as «Отчёт о подключении»: title, subtitle lines, tables and bar charts, a
 * signature line, and «Стр. N из M» on every page. Guarantees: any number of rows (up to
 * {@link ReportRequest#MAX_ROWS}) is paginated, with the header row repeated on each page of a table; numeric
 * columns are right-aligned; nothing is drawn into the margins. Stateless and thread-safe.
 */
@Component
public class TableReports {

    private static final String SIGNATURE = "Ответственный: ____________ / ____________ /  Дата: ________";

    private final FontFiles fontFiles = FontFiles.fromClasspath();

    /** The report as PDF bytes. */
    public byte[] render(ReportRequest request) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = fontFiles.loadInto(document);
            document.getDocumentInformation().setTitle(request.title());
            document.getDocumentInformation().setProducer("Парта");
            try (ReportPages pages = new ReportPages(document)) {
                pages.newPage();
                titleBlock(fonts, pages, request);
                for (ReportRequest.Section section : request.sections()) {
                    switch (section) {
                        case ReportRequest.Table table -> new TableBlock(fonts, pages).draw(table);
                        case ReportRequest.BarChart chart -> new BarChartBlock(fonts, pages).draw(chart);
                    }
                }
                signature(fonts, pages);
            }
            footers(document, fonts, request.title());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the report", e);
        }
    }

    private static void titleBlock(Fonts fonts, ReportPages pages, ReportRequest request) throws IOException {
        PDPageContentStream content = pages.content();
        String title = Texts.printable(fonts.bold(), request.title());
        if (!title.isEmpty()) {
            Texts.Fitted fitted = Texts.fit(fonts.bold(), title, pages.width(), 16, 11, 2);
            for (String line : fitted.lines()) {
                pages.down(fitted.size() * 1.25f);
                Texts.show(content, fonts.bold(), fitted.size(), pages.left(), pages.y(), line);
            }
            pages.down(4);
        }
        content.setNonStrokingColor(0.3f);
        for (String raw : request.subtitleLines()) {
            String line = Texts.printable(fonts.regular(), raw);
            for (String part : Texts.wrap(fonts.regular(), 10, line, pages.width())) {
                pages.down(13);
                Texts.show(content, fonts.regular(), 10, pages.left(), pages.y(), part);
            }
        }
        content.setNonStrokingColor(0f);
        if (title.isEmpty() && request.subtitleLines().isEmpty()) {
            return;
        }
        pages.down(8);
        content.setStrokingColor(0.3f);
        content.setLineWidth(0.8f);
        content.moveTo(pages.left(), pages.y());
        content.lineTo(pages.left() + pages.width(), pages.y());
        content.stroke();
        pages.down(14);
    }

    private static void signature(Fonts fonts, ReportPages pages) throws IOException {
        pages.ensure(48);
        pages.down(30);
        Texts.show(pages.content(), fonts.regular(), 10, pages.left(), pages.y(), SIGNATURE);
        float x = pages.left();
        String[] parts = {"Ответственный: ", "____________", " / ", "____________"};
        String[] captions = {null, "подпись", null, "ФИО"};
        pages.content().setNonStrokingColor(0.4f);
        for (int i = 0; i < parts.length; i++) {
            float partWidth = Texts.width(fonts.regular(), 10, parts[i]);
            if (captions[i] != null) {
                float captionWidth = Texts.width(fonts.regular(), 7, captions[i]);
                float cx = x + (partWidth - captionWidth) / 2;
                Texts.show(pages.content(), fonts.regular(), 7, cx, pages.y() - 9, captions[i]);
            }
            x += partWidth;
        }
        pages.content().setNonStrokingColor(0f);
    }

    private static void footers(PDDocument document, Fonts fonts, String rawTitle) throws IOException {
        int total = document.getNumberOfPages();
        String title = Texts.printable(fonts.regular(), rawTitle);
        float width = new ReportPages(document).width();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                String text = "Стр. " + number + " из " + total;
                float textWidth = Texts.width(fonts.regular(), 8, text);
                float y = ReportPages.MARGIN_BOTTOM - 24;
                content.setNonStrokingColor(0.4f);
                Texts.show(content, fonts.regular(), 8, ReportPages.MARGIN_SIDE + width - textWidth, y, text);
                String left = Texts.ellipsize(fonts.regular(), 8, title, width - textWidth - 20);
                Texts.show(content, fonts.regular(), 8, ReportPages.MARGIN_SIDE, y, left);
            }
        }
    }
}
