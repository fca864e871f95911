package ru.parta.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;

/**
 * Printable invitation sheets: A4 portrait, {@value #SLIPS_PER_PAGE} slips per page stacked one above the other and
 * separated by dashed cut lines. Guarantees: slips appear in request order; every slip's text stays inside its slip
 * (long names and roles shrink, then wrap, then are shortened with «…» only in the extreme); the QR code encodes
 * the slip's link exactly. Stateless and thread-safe; fonts come from the application's own classpath.
 */
@Component
public class InvitationSheets {

    /** Slips on one A4 page. */
    public static final int SLIPS_PER_PAGE = 4;

    private final QrCodes qrCodes;
    private final FontFiles fontFiles = FontFiles.fromClasspath();

    public InvitationSheets(QrCodes qrCodes) {
        this.qrCodes = qrCodes;
    }

    /** The sheet as PDF bytes; one page per {@value #SLIPS_PER_PAGE} slips, the last page possibly partly empty. */
    public byte[] render(SheetRequest request) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = fontFiles.loadInto(document);
            describe(document, request);
            SlipLayout layout = new SlipLayout(fonts, qrCodes, request.schoolName(), request.className());
            List<SheetRequest.Slip> slips = request.slips();
            for (int first = 0; first < slips.size(); first += SLIPS_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                int count = Math.min(SLIPS_PER_PAGE, slips.size() - first);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawCutLines(content, fonts, page.getMediaBox(), count);
                    float height = page.getMediaBox().getHeight() / SLIPS_PER_PAGE;
                    for (int i = 0; i < count; i++) {
                        float top = page.getMediaBox().getHeight() - i * height;
                        layout.draw(
                                content,
                                slips.get(first + i),
                                page.getMediaBox().getWidth(),
                                top,
                                height);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the invitation sheet", e);
        }
    }

    private static void describe(PDDocument document, SheetRequest request) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(("Приглашения в Парту " + request.className()).strip());
        info.setProducer("Парта");
    }

    /** Cut lines under each printed slip (none after the last band of the page). */
    private static void drawCutLines(PDPageContentStream content, Fonts fonts, PDRectangle box, int slips)
            throws IOException {
        int lines = Math.min(slips, SLIPS_PER_PAGE - 1);
        float height = box.getHeight() / SLIPS_PER_PAGE;
        content.saveGraphicsState();
        content.setStrokingColor(0.6f);
        content.setLineWidth(0.6f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        for (int i = 1; i <= lines; i++) {
            float y = box.getHeight() - i * height;
            content.moveTo(22, y);
            content.lineTo(box.getWidth() - 10, y);
            content.stroke();
        }
        content.restoreGraphicsState();
        content.setNonStrokingColor(0.5f);
        String scissors = Texts.printable(fonts.regular(), "✂");
        for (int i = 1; i <= lines; i++) {
            Texts.show(content, fonts.regular(), 11, 8, box.getHeight() - i * height - 3.5f, scissors);
        }
        content.setNonStrokingColor(0f);
    }
}
