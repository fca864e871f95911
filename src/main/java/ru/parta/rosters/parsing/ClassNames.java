package ru.parta.rosters.parsing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises class names. Guarantees: the result is a grade 1–11 followed by at most one upper-case Cyrillic
 * letter («5А», «11Б», «3»); «5 А», «5а», «5-А», «5 "А"», «5А класс» and Latin look-alikes («5a», «5B») give the
 * same result; anything else is empty. Latin «b» is read as «Б» (transliteration), Latin «B» as «В» (look-alike).
 */
public final class ClassNames {

    private static final String LATIN = "AaBbCcEeHKkMOoPpTXxYy";
    private static final String CYRILLIC = "ААВБССЕЕНККМООРРТХХУУ";
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,2})([А-Я]?)");
    private static final Pattern NOISE = Pattern.compile("[\\s\\-–—_.\"'«»“”„]+");
    private static final Pattern CLASS_WORD = Pattern.compile("(?iu)\\s*(класс|кл\\.?)\\s*$");

    private ClassNames() {}

    /** The normalised class name, or empty when the text is not a class name. */
    public static Optional<String> normalise(String raw) {
        String text = CLASS_WORD.matcher(Text.clean(raw)).replaceAll("");
        text = NOISE.matcher(text).replaceAll("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder mapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = LATIN.indexOf(c);
            mapped.append(index >= 0 ? CYRILLIC.charAt(index) : c);
        }
        String upper = mapped.toString().toUpperCase(Text.RUSSIAN).replace('Ё', 'Е');
        Matcher matcher = SHAPE.matcher(upper);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int grade = Integer.parseInt(matcher.group(1));
        if (grade < 1 || grade > 11) {
            return Optional.empty();
        }
        return Optional.of(grade + matcher.group(2));
    }
}
