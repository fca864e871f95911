package ru.parta.invitations;

/** Russian → Latin transliteration for suggested logins (passport style, simplified). */
final class Transliteration {

    private static final String RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LAT = {
        "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
    };

    private Transliteration() {}

    static String latin(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int i = RU.indexOf(c);
            if (i >= 0) {
                out.append(LAT[i]);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "user" : out.toString();
    }
}
