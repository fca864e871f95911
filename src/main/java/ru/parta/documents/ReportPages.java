package ru.parta.documents;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page flow of a report: A4 portrait pages with fixed margins and a cursor moving down. Guarantees: callers that
 * ask {@link #ensure} before drawing never draw into the bottom margin (kept free for the footer); at most one
 * content stream is open at a time and {@link #close} closes it. Not thread-safe; one per rendering.
 */
final class ReportPages implements AutoCloseable {

    static final float MARGIN_SIDE = 40;
    static final float MARGIN_TOP = 40;
    static final float MARGIN_BOTTOM = 50;

    private final PDDocument document;
    private PDPageContentStream content;
    private float y;

    ReportPages(PDDocument document) {
        this.document = document;
    }

    /** Starts a new page and puts the cursor under its top margin. */
    void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN_TOP;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin; true if it did. */
    boolean ensure(float height) throws IOException {
        if (content != null && y - height >= MARGIN_BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    PDPageContentStream content() {
        return content;
    }

    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    float left() {
        return MARGIN_SIDE;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN_SIDE;
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
