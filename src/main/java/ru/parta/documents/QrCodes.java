package ru.parta.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.stereotype.Component;

/**
 * QR codes (error correction M, quiet zone of one module, UTF-8) as PNG images or as vector rectangles in a PDF.
 * Guarantees: the code is square and fills exactly the size asked for; dark modules are pure black on white, so
 * phone cameras and printers both cope. Text that cannot be encoded (empty, or too long for a QR code) is refused
 * with {@link IllegalArgumentException}. Stateless and thread-safe.
 */
@Component
public class QrCodes {

    /** Largest PNG edge in pixels accepted by {@link #png}. */
    public static final int MAX_PNG_SIZE = 4096;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN,
            1,
            EncodeHintType.CHARACTER_SET,
            StandardCharsets.UTF_8.name());

    /** The QR code of {@code text} as a black-and-white PNG of {@code size}×{@code size} pixels. */
    public byte[] png(String text, int size) {
        BitMatrix modules = modules(text);
        if (size < modules.getWidth() || size > MAX_PNG_SIZE) {
            throw new IllegalArgumentException(
                    "PNG size must be between " + modules.getWidth() + " and " + MAX_PNG_SIZE + " pixels: " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        int n = modules.getWidth();
        for (int py = 0; py < size; py++) {
            int my = py * n / size;
            for (int px = 0; px < size; px++) {
                boolean dark = modules.get(px * n / size, my);
                image.setRGB(px, py, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Draws the QR code of {@code text} into {@code content} as filled rectangles: a white square whose lower-left
     * corner is ({@code x}, {@code y}) and whose edge is {@code size} points, with the black modules on it. The
     * fill colour is left black afterwards.
     */
    public void draw(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        if (!(size > 0)) {
            throw new IllegalArgumentException("QR code size must be positive: " + size);
        }
        BitMatrix modules = modules(text);
        int n = modules.getWidth();
        float module = size / n;
        content.setNonStrokingColor(1f);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(0f);
        for (int row = 0; row < n; row++) {
            float top = y + size - (row + 1) * module;
            int column = 0;
            while (column < n) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < n && modules.get(column, row)) {
                    column++;
                }
                // a hair of overlap hides anti-aliasing seams between adjacent rectangles
                content.addRect(x + start * module, top, (column - start) * module, module + 0.01f);
            }
        }
        content.fill();
    }

    /** The module matrix, quiet zone included (one module per bit). */
    BitMatrix modules(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR code text is empty");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Text cannot be encoded as a QR code (" + text.length() + " chars)", e);
        }
    }
}
