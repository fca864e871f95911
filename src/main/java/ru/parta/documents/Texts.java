package ru.parta.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text helpers for PDFBox. Hazard they remove: {@code showText} throws on control characters and on characters
 * the font has no glyph for, so every string drawn must pass through {@link #printable} first. The fitting helpers
 * guarantee that the lines they return are never wider than the width asked for.
 */
final class Texts {

    static final String ELLIPSIS = "…";

    private Texts() {}

    /** A line-less, drawable version of {@code text}: controls become spaces, missing glyphs «?», null is empty. */
    static String printable(PDFont font, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (hasGlyph(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Width in points of already {@link #printable} text. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot measure text", e);
        }
    }

    /** Draws printable text with its baseline starting at (x, y). */
    static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. Never returns no lines. */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                int cut = longestPrefix(font, size, rest, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code text} shortened with «…» until it fits {@code maxWidth}. */
    static String ellipsize(PDFont font, float size, String text, float maxWidth) {
        if (width(font, size, text) <= maxWidth) {
            return text;
        }
        int cut = longestPrefix(font, size, text, maxWidth - width(font, size, ELLIPSIS));
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * The largest size at which {@code text} fits: first on one line shrinking to 80 % of {@code maxSize}, then on
     * up to {@code maxLines} lines down to {@code minSize}; past that the last line is ellipsized.
     */
    static Fitted fit(PDFont font, String text, float maxWidth, float maxSize, float minSize, int maxLines) {
        for (float size = maxSize; size >= maxSize * 0.8f; size -= 0.5f) {
            if (width(font, size, text) <= maxWidth) {
                return new Fitted(size, List.of(text));
            }
        }
        for (float size = maxSize; size >= minSize; size -= 0.5f) {
            List<String> lines = wrap(font, size, text, maxWidth);
            if (lines.size() <= maxLines) {
                return new Fitted(size, lines);
            }
        }
        List<String> wrapped = wrap(font, minSize, text, maxWidth);
        List<String> lines = new ArrayList<>(wrapped.subList(0, maxLines));
        String tail = String.join(" ", wrapped.subList(maxLines - 1, wrapped.size()));
        lines.set(maxLines - 1, ellipsize(font, minSize, tail, maxWidth));
        return new Fitted(minSize, List.copyOf(lines));
    }

    private static int longestPrefix(PDFont font, float size, String text, float maxWidth) {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(font, size, text.substring(0, mid)) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (Character.isHighSurrogate(text.charAt(low - 1)) && low > 1) {
            low--;
        }
        return low;
    }

    /** Text fitted to a box: the font size and the lines to draw at it. */
    record Fitted(float size, List<String> lines) {}
}
