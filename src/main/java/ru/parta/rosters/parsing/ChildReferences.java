package ru.parta.rosters.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a guardian's «Ребёнок» cell. Guarantees: children are separated by «;» or line breaks; each is «Фамилия
 * Имя [Отчество …]» with an optional class in parentheses («Иванов Иван (5А)»); the result is empty when any part
 * cannot be read, so a half-understood cell is never imported.
 */
final class ChildReferences {

    private static final Pattern CLASS_SUFFIX = Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]*)[)\\]]\\s*$");

    private ChildReferences() {}

    /** The children named by the cell, or empty when the cell is blank or not readable. */
    static Optional<List<ChildReference>> parse(String raw, String rowClassName) {
        List<ChildReference> children = new ArrayList<>();
        for (String part : raw.split("[;\\r\\n]+")) {
            String text = Text.clean(part);
            if (text.isEmpty()) {
                continue;
            }
            Optional<ChildReference> child = parseOne(text, rowClassName);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            children.add(child.get());
        }
        return children.isEmpty() ? Optional.empty() : Optional.of(children);
    }

    private static Optional<ChildReference> parseOne(String text, String rowClassName) {
        String className = rowClassName;
        Matcher matcher = CLASS_SUFFIX.matcher(text);
        if (matcher.matches()) {
            Optional<String> explicit = ClassNames.normalise(matcher.group(2));
            if (explicit.isEmpty()) {
                return Optional.empty();
            }
            className = explicit.get();
            text = matcher.group(1);
        }
        String[] words = Text.toCyrillicLookAlikes(text).split(" ");
        if (words.length < 2 || !Text.isPlausibleName(text)) {
            return Optional.empty();
        }
        String patronymic = words.length > 2 ? String.join(" ", List.of(words).subList(2, words.length)) : "";
        return Optional.of(new ChildReference(
                Text.capitaliseName(words[0]),
                Text.capitaliseName(words[1]),
                Text.capitaliseName(patronymic),
                className));
    }
}
