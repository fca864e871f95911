package ru.parta.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.parta.chats.SendPolicy;
import ru.parta.shared.ApiException;

/**
 * The word filter: a short shipped list of Russian obscene roots ({@code obscene-roots.txt}), matched against folded
 * text (case, ё → е, Latin and digit look-alikes, separators inside a word). BLOCK refuses the message with 422
 * MESSAGE_BLOCKED; FLAG stores it and queues it as a report for the chat's moderators; OFF does nothing.
 */
@Component
@Order(20)
class WordFilter implements SendPolicy {

    /** Verbal prefixes that may stand before a root: «на-», «за-», «вы-», «от-», «у-», … */
    private static final List<String> PREFIXES = List.of(
            "", "по", "на", "за", "вы", "от", "у", "при", "до", "раз", "рас", "с", "со", "об", "под", "пере", "недо",
            "о", "въ", "вз", "ис", "из", "съ");

    private static final Pattern NON_LETTERS = Pattern.compile("[^а-я]+");

    private final Set<String> roots = new HashSet<>();
    private final Set<String> words = new HashSet<>();
    /** The distinct lengths of the roots, ascending: a word is checked with one set lookup per length. */
    private final int[] rootLengths;

    private volatile SafetyProperties.WordFilterMode mode;

    WordFilter(SafetyProperties properties) {
        this.mode = properties.wordFilter();
        try (InputStream in = WordFilter.class.getResourceAsStream("obscene-roots.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("=")) {
                    words.add(entry.substring(1));
                } else {
                    roots.add(entry);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("obscene-roots.txt is missing", e);
        }
        rootLengths =
                roots.stream().mapToInt(String::length).distinct().sorted().toArray();
    }

    @Override
    public Verdict check(Attempt attempt) {
        SafetyProperties.WordFilterMode current = mode;
        if (current == SafetyProperties.WordFilterMode.OFF || !matches(attempt.text())) {
            return Verdict.ALLOW;
        }
        if (current == SafetyProperties.WordFilterMode.BLOCK) {
            throw new ApiException(HttpStatus.valueOf(422), "MESSAGE_BLOCKED");
        }
        return new Verdict(false, "WORD_FILTER");
    }

    void mode(SafetyProperties.WordFilterMode mode) {
        this.mode = mode;
    }

    SafetyProperties.WordFilterMode mode() {
        return mode;
    }

    /** Runs on every send and edit: a few set lookups per word, no pattern compiled per call. */
    boolean matches(String text) {
        return matchesFolded(fold(text)) || (hasLatin(text) && matchesFolded(fold(transliterate(text))));
    }

    /** Without Latin letters, the transliterated text folds to the same string as the text itself. */
    private static boolean hasLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesFolded(String folded) {
        for (String word : NON_LETTERS.split(folded)) {
            if (word.isEmpty()) {
                continue;
            }
            if (words.contains(word)) {
                return true;
            }
            for (String prefix : PREFIXES) {
                if (word.startsWith(prefix) && startsWithRoot(word, prefix.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean startsWithRoot(String word, int from) {
        for (int length : rootLengths) {
            if (from + length > word.length()) {
                return false;
            }
            if (roots.contains(word.substring(from, from + length))) {
                return true;
            }
        }
        return false;
    }

    private static final String[][] DIGRAPHS = {
        {"shch", "щ"},
        {"zh", "ж"},
        {"kh", "х"},
        {"ch", "ч"},
        {"sh", "ш"},
        {"ya", "я"},
        {"ja", "я"},
        {"yu", "ю"},
        {"ju", "ю"},
        {"yo", "е"},
        {"jo", "е"}
    };
    private static final String LATIN = "abcdefghijklmnoprstuvwxyz";
    private static final String CYRILLIC = "абцдефгхийклмнопрстувwхйз";

    /** Latin transliteration read back into Cyrillic: «pizda» → «пизда», «blyat» → «блят». */
    static String transliterate(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String[] d : DIGRAPHS) {
            t = t.replace(d[0], d[1]);
        }
        StringBuilder out = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            int i = LATIN.indexOf(c);
            out.append(i < 0 ? c : CYRILLIC.charAt(i));
        }
        return out.toString();
    }

    private static final String JOINERS = ".-_\u00ad\u200b\u200c\u200d";

    /**
     * Lower case, ё → е, Latin and digit look-alikes → Cyrillic («xуй», «6ля»), repeated letters squeezed, and joiners
     * inside a word dropped («х.у.й»).
     */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            char mapped = switch (c) {
                case 'ё' -> 'е';
                case 'a' -> 'а';
                case 'b' -> 'в';
                case 'c' -> 'с';
                case 'e' -> 'е';
                case 'h' -> 'н';
                case 'k' -> 'к';
                case 'm' -> 'м';
                case 'o', '0' -> 'о';
                case 'p' -> 'р';
                case 't' -> 'т';
                case 'x' -> 'х';
                case 'y' -> 'у';
                case 'u' -> 'и';
                case '3' -> 'з';
                case '6' -> 'б';
                default -> c;
            };
            if (JOINERS.indexOf(mapped) >= 0
                    && i > 0
                    && i + 1 < lower.length()
                    && Character.isLetter(lower.charAt(i - 1))
                    && Character.isLetter(lower.charAt(i + 1))) {
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) == mapped && Character.isLetter(mapped)) {
                continue;
            }
            out.append(mapped);
        }
        return out.toString();
    }
}
