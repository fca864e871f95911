package ru.parta.rosters.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each known column sits in a header record. Guarantees: the first occurrence of a column wins; a record is
 * treated as a header only when at least {@link #MIN_RECOGNISED} cells are known columns; {@link #missing()}
 * lists the required columns that are absent (role, and surname + name unless a single «ФИО» column is present).
 */
final class HeaderLayout {

    static final int MIN_RECOGNISED = 2;

    private final Map<RosterColumn, Integer> positions;
    private final int width;

    private HeaderLayout(Map<RosterColumn, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** The layout if the cells look like a header, otherwise empty. */
    static Optional<HeaderLayout> recognise(List<String> cells) {
        Map<RosterColumn, Integer> positions = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            int index = i;
            RosterColumn.recognise(cells.get(i)).ifPresent(column -> positions.putIfAbsent(column, index));
        }
        if (positions.size() < MIN_RECOGNISED) {
            return Optional.empty();
        }
        return Optional.of(new HeaderLayout(positions, lastNonBlank(cells) + 1));
    }

    /** How many cells of a candidate line name known columns (used to choose the CSV separator). */
    static int score(List<String> cells) {
        return (int) cells.stream()
                .map(RosterColumn::recognise)
                .flatMap(Optional::stream)
                .distinct()
                .count();
    }

    List<RosterColumn> missing() {
        List<RosterColumn> missing = new ArrayList<>();
        if (!has(RosterColumn.FULL_NAME)) {
            if (!has(RosterColumn.SURNAME)) {
                missing.add(RosterColumn.SURNAME);
            }
            if (!has(RosterColumn.NAME)) {
                missing.add(RosterColumn.NAME);
            }
        }
        if (!has(RosterColumn.ROLE)) {
            missing.add(RosterColumn.ROLE);
        }
        return missing;
    }

    static String describe(List<RosterColumn> columns) {
        return columns.stream().map(column -> "«" + column.russian() + "»").collect(Collectors.joining(", "));
    }

    boolean has(RosterColumn column) {
        return positions.containsKey(column);
    }

    /** The raw cell of a column in a data record; empty when the column or the cell is absent. */
    String cell(List<String> record, RosterColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.size()) {
            return "";
        }
        String value = record.get(position);
        return value == null ? "" : value;
    }

    /** True when the record has non-blank values beyond the last header column. */
    boolean hasExtraValues(List<String> record) {
        for (int i = width; i < record.size(); i++) {
            if (!Text.clean(record.get(i)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static int lastNonBlank(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!Text.clean(cells.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
