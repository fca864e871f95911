package ru.parta.documents;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws one invitation slip into a horizontal band of the page: text on the left, the QR code on the right.
 * Guarantees: nothing is drawn outside the band's text column or QR square; the code is drawn as one text run in a
 * monospace face so it can be read (and copied) unambiguously. Bound to one document's fonts.
 */
final class SlipLayout {

    private static final float SIDE = 40;
    private static final float TOP = 16;
    private static final float BOTTOM = 12;
    private static final float QR_SIZE = 136;
    private static final float GAP = 22;
    private static final float GREY = 0.35f;
    private static final List<String> STEPS = List.of(
            "1. Откройте ссылку или наведите камеру на QR-код.",
            "2. Введите код и придумайте пароль.",
            "3. Вы в чатах класса.");

    private final Fonts fonts;
    private final QrCodes qrCodes;
    private final String school;

    SlipLayout(Fonts fonts, QrCodes qrCodes, String schoolName, String className) {
        this.fonts = fonts;
        this.qrCodes = qrCodes;
        String school = schoolName.isBlank() ? "" : schoolName.strip();
        String group = className.isBlank() ? "" : className.strip();
        this.school = school.isEmpty() || group.isEmpty() ? school + group : school + " · " + group;
    }

    void draw(PDPageContentStream content, SheetRequest.Slip slip, float pageWidth, float top, float height)
            throws IOException {
        float qrX = pageWidth - SIDE - QR_SIZE;
        float qrY = top - height / 2 - QR_SIZE / 2 + 6;
        qrCodes.draw(content, slip.link(), qrX, qrY, QR_SIZE);
        String caption = Texts.printable(fonts.regular(), "Сканируйте камерой телефона");
        float captionWidth = Texts.width(fonts.regular(), 7, caption);
        grey(content);
        Texts.show(content, fonts.regular(), 7, qrX + (QR_SIZE - captionWidth) / 2, qrY - 9, caption);
        black(content);

        float x = SIDE;
        float width = qrX - GAP - SIDE;
        float available = height - TOP - BOTTOM;
        float needed = top - TOP - column(null, slip, x, top - TOP, width);
        content.saveGraphicsState();
        if (needed > available) {
            // extreme text: scale the whole column down around its top-left corner rather than overflow the band
            float scale = available / needed;
            content.transform(new Matrix(scale, 0, 0, scale, x * (1 - scale), (top - TOP) * (1 - scale)));
        }
        column(content, slip, x, top - TOP, width);
        content.restoreGraphicsState();
    }

    /**
     * Lays out the text column from {@code top} downwards and returns the lowest y used. With a null
     * {@code content} nothing is drawn, which measures the column.
     */
    private float column(PDPageContentStream content, SheetRequest.Slip slip, float x, float top, float width)
            throws IOException {
        float y = block(content, fonts.bold(), "Приглашение в Парту", x, top, width, 14, 10, 1);
        grey(content);
        y = block(content, fonts.regular(), school, x, y - 2, width, 9.5f, 7, 1);
        black(content);
        y = block(content, fonts.bold(), slip.fullName(), x, y - 6, width, 14, 9, 2);
        y = block(content, fonts.regular(), slip.roleLabel(), x, y, width, 10, 7, 2);
        y = code(content, slip.code(), x, y - 4, width);
        grey(content);
        y = block(content, fonts.regular(), slip.link(), x, y, width, 8, 5.5f, 2);
        black(content);
        y -= 3;
        for (String step : STEPS) {
            y = block(content, fonts.regular(), step, x, y, width, 9, 7, 1);
        }
        if (!slip.expiresOn().isBlank()) {
            y = block(
                    content,
                    fonts.bold(),
                    "Код действует до " + slip.expiresOn().strip(),
                    x,
                    y - 2,
                    width,
                    9,
                    7,
                    1);
        }
        return y - 3;
    }

    /** Draws fitted text whose first line sits one line below {@code y}; returns the y below the last line. */
    private float block(
            PDPageContentStream content,
            PDFont font,
            String raw,
            float x,
            float y,
            float width,
            float maxSize,
            float minSize,
            int maxLines)
            throws IOException {
        String text = Texts.printable(font, raw);
        if (text.isEmpty()) {
            return y;
        }
        Texts.Fitted fitted = Texts.fit(font, text, width, maxSize, minSize, maxLines);
        float leading = fitted.size() * 1.25f;
        for (String line : fitted.lines()) {
            y -= leading;
            if (content != null) {
                Texts.show(content, font, fitted.size(), x, y, line);
            }
        }
        return y;
    }

    /** The code on a light panel in large monospace letters, shrunk only if it would not fit. */
    private float code(PDPageContentStream content, String raw, float x, float y, float width) throws IOException {
        PDFont label = fonts.regular();
        String caption = Texts.printable(label, "Код:");
        float captionWidth = Texts.width(label, 10, caption) + 8;
        PDFont mono = fonts.monoBold();
        String code = Texts.printable(mono, raw);
        float size = 20;
        float spacing = 1.5f;
        float room = width - captionWidth - 12;
        while (size > 8 && Texts.width(mono, size, code) + spacing * code.length() > room) {
            size -= 0.5f;
        }
        code = Texts.ellipsize(mono, size, code, room - spacing * code.length());
        float codeWidth = Texts.width(mono, size, code) + spacing * (code.length() - 1);
        float baseline = y - size - 4;
        if (content == null) {
            return baseline - size * 0.3f - 2;
        }
        content.setNonStrokingColor(0.92f);
        content.addRect(x + captionWidth - 6, baseline - size * 0.3f, codeWidth + 12, size * 1.25f);
        content.fill();
        black(content);
        Texts.show(content, label, 10, x, baseline + 1, caption);
        content.beginText();
        content.setFont(mono, size);
        content.setCharacterSpacing(spacing);
        content.newLineAtOffset(x + captionWidth, baseline);
        content.showText(code);
        content.setCharacterSpacing(0);
        content.endText();
        return baseline - size * 0.3f - 2;
    }

    private static void grey(PDPageContentStream content) throws IOException {
        if (content != null) {
            content.setNonStrokingColor(GREY);
        }
    }

    private static void black(PDPageContentStream content) throws IOException {
        if (content != null) {
            content.setNonStrokingColor(0f);
        }
    }
}
