package ru.parta.rosters.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses birth dates strictly. Guarantees: only real calendar dates are returned (31.02.2015 is empty); accepted
 * forms are dd.MM.yyyy, d.M.yyyy, yyyy-MM-dd and dd/MM/yyyy, optionally followed by a time («19.03.2018 0:00:00»,
 * as spreadsheet exports write it), which is ignored.
 */
public final class BirthDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern TIME_SUFFIX = Pattern.compile("(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$");

    private BirthDates() {}

    /** The date, or empty when the text is not one of the accepted forms or not a real date. */
    public static Optional<LocalDate> parse(String raw) {
        String text = TIME_SUFFIX.matcher(Text.clean(raw)).replaceFirst("");
        if (text.isEmpty() || text.length() > 10) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
