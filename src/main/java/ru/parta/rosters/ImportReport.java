package ru.parta.rosters;

import java.util.ArrayList;
import java.util.List;
import ru.parta.rosters.parsing.RowError;

/**
 * What an import did, or in a dry run would do: counts, the changed people with line numbers, row errors and the
 * effect on generated chats. A dry run is the real import rolled back, so its report is exactly what applying does.
 */
public record ImportReport(
        boolean dryRun,
        boolean applied,
        String format,
        int rows,
        Counts counts,
        List<PersonChange> people,
        List<RowError> errors,
        Chats chats) {

    /** Totals of changes. */
    public record Counts(
            int created,
            int updated,
            int restored,
            int unchanged,
            int moved,
            int archived,
            int classesCreated,
            int guardianLinks) {}

    /** One person's change: CREATED, UPDATED, RESTORED, MOVED («5А → 5Б») or ARCHIVED. */
    public record PersonChange(Integer line, String name, String change, String detail) {}

    /** Membership changes of generated chats: added, removed, and kept removed (removed by hand earlier). */
    public record Chats(int added, int removed, int keptRemoved) {}

    /** Collects a report while an import runs. */
    static final class Builder {
        static final int MAX_LISTED = 5000;
        int created;
        int updated;
        int restored;
        int unchanged;
        int moved;
        int archived;
        int classesCreated;
        int guardianLinks;
        final List<PersonChange> people = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();

        void change(Integer line, String name, String change, String detail) {
            if (people.size() < MAX_LISTED) {
                people.add(new PersonChange(line, name, change, detail));
            }
        }

        ImportReport build(boolean dryRun, boolean applied, String format, int rows, Chats chats) {
            return new ImportReport(
                    dryRun,
                    applied,
                    format,
                    rows,
                    new Counts(created, updated, restored, unchanged, moved, archived, classesCreated, guardianLinks),
                    List.copyOf(people),
                    List.copyOf(errors),
                    chats);
        }
    }
}
