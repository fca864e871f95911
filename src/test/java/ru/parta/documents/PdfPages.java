package ru.parta.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test helpers that read rendered PDFs back: text per page and page images (also kept under target/documents). */
final class PdfPages {

    private PdfPages() {}

    static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    /** Text of pages {@code from}..{@code to} (1-based, inclusive) with whitespace runs collapsed to one space. */
    static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    static String text(PDDocument document) throws IOException {
        return text(document, 1, document.getNumberOfPages());
    }

    /** Renders a page (0-based) at {@code dpi} and saves it as {@code target/documents/<name>.png}. */
    static BufferedImage image(PDDocument document, int page, int dpi, String name) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        return image;
    }
}
