package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;
import ru.parta.reports.CoverageReport.Counts;

class CoverageCalculatorTests {

    private static final long SCHOOL = 1;
    private static final long A5 = 2;
    private static final long B5 = 3;

    private static CoverageRow row(
            long person, PersonRole role, long unit, boolean activated, boolean connected, boolean active, String inv) {
        List<Long> path = unit == SCHOOL ? List.of(SCHOOL) : List.of(SCHOOL, unit);
        UnitKind kind = unit == SCHOOL ? UnitKind.SCHOOL : UnitKind.CLASS;
        String name = unit == A5 ? "5А" : unit == B5 ? "5Б" : "Школа";
        return new CoverageRow(
                person, "Человек " + person, role, unit, name, kind, path, activated, connected, active, inv);
    }

    private final List<CoverageRow> rows = List.of(
            row(1, PersonRole.PUPIL, A5, true, true, true, "USED"),
            row(2, PersonRole.PUPIL, A5, true, false, false, "USED"),
            row(3, PersonRole.PUPIL, B5, false, false, false, null),
            // a guardian of children in two classes and also a teacher of the school
            row(4, PersonRole.GUARDIAN, A5, true, true, false, "USED"),
            row(4, PersonRole.GUARDIAN, B5, true, true, false, "USED"),
            row(4, PersonRole.TEACHER, SCHOOL, true, true, false, "USED"),
            row(5, PersonRole.GUARDIAN, B5, false, false, false, "ACTIVE"),
            row(6, PersonRole.DIRECTOR, SCHOOL, false, false, false, "EXPIRED"),
            // a stale connected flag without an account never counts as connected
            row(7, PersonRole.TEACHER, SCHOOL, false, true, true, "REVOKED"));

    @Test
    void totalsCountEachPersonOnce() {
        assertThat(CoverageCalculator.count(rows)).isEqualTo(new Counts(7, 3, 2, 1, 28.6));
    }

    @Test
    void rolesCountDistinctPeopleAndListEveryRole() {
        var lines = CoverageCalculator.roles(rows);
        assertThat(lines).extracting(CoverageReport.RoleLine::role).containsExactly(PersonRole.values());
        assertThat(lines.get(0).counts()).isEqualTo(new Counts(3, 2, 1, 1, 33.3));
        assertThat(lines.get(1).counts()).isEqualTo(new Counts(2, 1, 1, 0, 50.0));
        assertThat(lines.get(2).counts()).isEqualTo(new Counts(2, 1, 1, 0, 50.0));
        assertThat(lines.get(4).counts()).isEqualTo(new Counts(1, 0, 0, 0, 0.0));
        assertThat(lines.get(7).counts()).isEqualTo(new Counts(0, 0, 0, 0, 0.0));
        assertThat(lines.get(0).label()).isEqualTo("Ученики");
    }

    @Test
    void childLinesGroupByTheDirectChild() {
        var byChild = CoverageCalculator.byChild(rows);
        assertThat(byChild).containsOnlyKeys(A5, B5);
        assertThat(CoverageCalculator.count(byChild.get(A5))).isEqualTo(new Counts(3, 3, 2, 1, 66.7));
        assertThat(CoverageCalculator.count(byChild.get(B5))).isEqualTo(new Counts(3, 1, 1, 0, 33.3));
    }

    @Test
    void perUnitHasTotalsAndRolesForEveryUnitOnThePath() {
        var perUnit = CoverageCalculator.perUnit(rows);
        assertThat(perUnit).containsOnlyKeys(SCHOOL, A5, B5);
        assertThat(perUnit.get(SCHOOL).get(CoverageCalculator.ALL)).isEqualTo(CoverageCalculator.count(rows));
        assertThat(perUnit.get(B5).get("GUARDIAN")).isEqualTo(new Counts(2, 1, 1, 0, 50.0));
        assertThat(perUnit.get(B5)).doesNotContainKey("TEACHER");
    }

    @Test
    void notConnectedListsPeopleWithRolesClassesAndInvitationStatus() {
        var list = CoverageCalculator.notConnected(rows);
        assertThat(list).extracting(CoverageReport.NotConnected::personId).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(list)
                .extracting(CoverageReport.NotConnected::invitation)
                .containsExactly(
                        InvitationStatus.ACTIVATED_NOT_IN_ALL_CHATS,
                        InvitationStatus.NO_CODE,
                        InvitationStatus.ACTIVE,
                        InvitationStatus.EXPIRED,
                        InvitationStatus.REVOKED);
        assertThat(list.get(0).classes()).containsExactly("5А");
        assertThat(list.get(3).roles()).containsExactly(PersonRole.DIRECTOR);
        assertThat(list.get(3).classes()).isEmpty();
    }

    @Test
    void percentageIsRoundedToOneDecimalAndZeroWhenNobodyIsRostered() {
        assertThat(Counts.of(3, 1, 1, 0).connectedPercent()).isEqualTo(33.3);
        assertThat(Counts.of(3, 2, 2, 0).connectedPercent()).isEqualTo(66.7);
        assertThat(Counts.of(0, 0, 0, 0).connectedPercent()).isZero();
        assertThat(Counts.of(4, 4, 4, 4).connectedPercent()).isEqualTo(100.0);
    }

    @Test
    void usedCodeWithoutAccountNeedsANewCode() {
        assertThat(CoverageCalculator.status(false, "USED")).isEqualTo(InvitationStatus.NO_CODE);
    }
}
