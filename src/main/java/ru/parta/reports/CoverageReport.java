package ru.parta.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;

/**
 * The coverage of one unit and its subtree at one moment: plain data, no behaviour, so that any renderer (JSON,
 * XLSX, PDF) can consume it. Every role appears in {@link #roles} in declaration order, even with zero people; a
 * person with several roles counts once in {@link #totals} and in each sub-unit line. Never contains message counts.
 *
 * @param unitId the unit reported on
 * @param unitName its name
 * @param unitKind its kind
 * @param generatedAt when the numbers were read
 * @param totals distinct people of the subtree
 * @param targetPercent the connection target (always 100)
 * @param deadline the deadline of the unit or of its nearest ancestor that has one; null when none is set
 * @param daysLeft days from today (in the unit's time zone) to the deadline, negative when passed; null without one
 * @param roles one line per role
 * @param units one line per direct, non-archived sub-unit (department → schools → classes)
 * @param notConnected people not yet connected, by surname
 */
public record CoverageReport(
        long unitId,
        String unitName,
        UnitKind unitKind,
        Instant generatedAt,
        Counts totals,
        int targetPercent,
        LocalDate deadline,
        Long daysLeft,
        List<RoleLine> roles,
        List<UnitLine> units,
        List<NotConnected> notConnected) {

    /**
     * Counts of distinct people. connected ≤ activated ≤ rostered and active7d ≤ activated always hold.
     *
     * @param connectedPercent connected / rostered × 100, rounded to one decimal; 0 when nobody is rostered
     */
    public record Counts(int rostered, int activated, int connected, int active7d, double connectedPercent) {

        public static Counts of(int rostered, int activated, int connected, int active7d) {
            double percent = rostered == 0 ? 0 : Math.round(connected * 1000.0 / rostered) / 10.0;
            return new Counts(rostered, activated, connected, active7d, percent);
        }
    }

    public record RoleLine(PersonRole role, String label, Counts counts) {}

    public record UnitLine(long unitId, String name, UnitKind kind, Counts counts) {}

    /**
     * @param classes names of the classes (or groups) where the person holds a role in this subtree
     */
    public record NotConnected(
            long personId,
            String fullName,
            List<PersonRole> roles,
            List<String> classes,
            InvitationStatus invitation) {}

    /** Russian labels of the roles, as the reports print them. */
    public static String label(PersonRole role) {
        return switch (role) {
            case PUPIL -> "Ученики";
            case GUARDIAN -> "Родители";
            case TEACHER -> "Учителя";
            case CLASS_TEACHER -> "Классные руководители";
            case DIRECTOR -> "Директора";
            case DEPUTY -> "Заместители директора";
            case SCHOOL_ADMIN -> "Администраторы школы";
            case DEPARTMENT_STAFF -> "Сотрудники управления образования";
        };
    }
}
