package ru.parta.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded DejaVu font files, read once from the classpath ({@code /fonts/}). Guarantees: nothing is read
 * from outside the application at run time; each document gets its own subset-embedded font objects, so one
 * instance is safe to share between threads (the bytes are never mutated).
 */
final class FontFiles {

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] monoBold;

    private FontFiles(byte[] regular, byte[] bold, byte[] monoBold) {
        this.regular = regular;
        this.bold = bold;
        this.monoBold = monoBold;
    }

    static FontFiles fromClasspath() {
        return new FontFiles(
                read("/fonts/DejaVuSans.ttf"),
                read("/fonts/DejaVuSans-Bold.ttf"),
                read("/fonts/DejaVuSansMono-Bold.ttf"));
    }

    /** Loads the three faces into {@code document}; only the glyphs used end up embedded. */
    Fonts loadInto(PDDocument document) throws IOException {
        return new Fonts(load(document, regular), load(document, bold), load(document, monoBold));
    }

    private static PDType0Font load(PDDocument document, byte[] bytes) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bytes), true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }
}
