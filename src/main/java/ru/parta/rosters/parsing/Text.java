package ru.parta.rosters.parsing;

import java.util.Locale;
import java.util.Set;

/**
 * Small text helpers shared by the normalisers. Guarantees: never return null; {@link #clean} leaves no leading,
 * trailing, doubled, non-breaking or zero-width spaces.
 */
final class Text {

    static final Locale RUSSIAN = Locale.of("ru");

    private static final Set<String> PARTICLES = Set.of("оглы", "кызы", "улы", "уулу", "угли", "гызы");

    private static final String LATIN = "AaBCcEeHKkMOoPpTXxyY";
    private static final String CYRILLIC = "АаВСсЕеНКкМОоРрТХхуУ";

    private Text() {}

    /** Trims, turns every kind of space into a plain one, drops zero-width characters, collapses runs. */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty()) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Lower-case with ё folded into е and spaces cleaned: the form used for comparing words. */
    static String fold(String raw) {
        return clean(raw).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    /**
     * In every word that contains a Cyrillic letter, replaces Latin letters that look the same (a, c, e, o, p, x …)
     * with their Cyrillic twins; words written wholly in Latin are left alone.
     */
    static String toCyrillicLookAlikes(String text) {
        StringBuilder out = new StringBuilder(text);
        int start = 0;
        while (start < out.length()) {
            int end = start;
            boolean cyrillic = false;
            while (end < out.length() && Character.isLetter(out.charAt(end))) {
                cyrillic |= isCyrillic(out.charAt(end));
                end++;
            }
            if (cyrillic) {
                for (int i = start; i < end; i++) {
                    int index = LATIN.indexOf(out.charAt(i));
                    if (index >= 0) {
                        out.setCharAt(i, CYRILLIC.charAt(index));
                    }
                }
            }
            start = Math.max(end, start + 1);
        }
        return out.toString();
    }

    /**
     * «иванов» → «Иванов», «ИВАНОВ-ПЕТРОВ» → «Иванов-Петров», «д'артаньян» → «Д'Артаньян»; the patronymic particles
     * «оглы», «кызы», «улы», «уулу» stay lower-case after the first word («Ахмед оглы»).
     */
    static String capitaliseName(String cleaned) {
        String lower = cleaned.toLowerCase(RUSSIAN);
        StringBuilder out = new StringBuilder(lower.length());
        boolean startOfWord = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean particle = startOfWord && i > 0 && lower.charAt(i - 1) == ' ' && isParticle(lower, i);
            out.append(startOfWord && !particle ? Character.toUpperCase(c) : c);
            startOfWord = c == ' ' || c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }

    private static boolean isParticle(String lower, int start) {
        int end = lower.indexOf(' ', start);
        String word = lower.substring(start, end < 0 ? lower.length() : end);
        return PARTICLES.contains(word);
    }

    /** True when the text holds only letters, spaces, hyphens, apostrophes and dots (initials). */
    static boolean isPlausibleName(String cleaned) {
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (!Character.isLetter(c) && c != ' ' && c != '-' && c != '\'' && c != '’' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
