package ru.parta.rosters.parsing;

import java.util.List;

/** One record of a source file: its 1-based line (CSV) or row number (workbook) and its raw cells. */
record SourceRecord(int line, List<String> cells) {

    boolean blank() {
        return cells.stream().allMatch(cell -> Text.clean(cell).isEmpty());
    }
}
