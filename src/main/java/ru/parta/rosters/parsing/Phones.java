package ru.parta.rosters.parsing;

import java.util.Optional;

/**
 * Normalises Russian phone numbers. Guarantees: a non-empty result is always {@code +7} followed by exactly ten
 * digits. Accepted: «+7 …», «8 …», «7 …» with ten digits after the prefix, and ten-digit numbers starting with 9
 * (mobile) or 3/4 (city codes), with any spaces, dashes, dots and brackets. When a cell holds several numbers
 * separated by «,», «;» or «/», the first one is taken.
 */
public final class Phones {

    private Phones() {}

    /** The number as {@code +7XXXXXXXXXX}, or empty when it is not a recognisable Russian number. */
    public static Optional<String> normalise(String raw) {
        String text = Text.clean(raw);
        int cut = indexOfAny(text, ",;/");
        if (cut >= 0) {
            text = text.substring(0, cut).trim();
        }
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                continue;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '–') {
                return Optional.empty();
            }
        }
        boolean plus = text.startsWith("+");
        String national;
        if (digits.length() == 11 && digits.charAt(0) == '7') {
            national = digits.substring(1);
        } else if (digits.length() == 11 && digits.charAt(0) == '8' && !plus) {
            national = digits.substring(1);
        } else if (digits.length() == 10 && !plus && "349".indexOf(digits.charAt(0)) >= 0) {
            national = digits.toString();
        } else {
            return Optional.empty();
        }
        return Optional.of("+7" + national);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
