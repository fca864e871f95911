package ru.parta.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.Authority;
import ru.parta.organizations.Unit;
import ru.parta.organizations.Units;
import ru.parta.reports.CoverageReport.UnitLine;
import ru.parta.shared.ApiException;

/**
 * The coverage report of a unit and its subtree. Guarantees: the caller must be allowed to watch the unit
 * ({@link Authority#requireWatch}), otherwise UNIT_NOT_FOUND, exactly as for a unit that does not exist; all numbers
 * of one report come from one SQL statement, so they are consistent with each other; the cost is one statement for
 * the rows plus a few for the unit and its lineage, independent of the number of people.
 */
@Service
public class Coverage {

    /** The connection target, in percent. */
    public static final int TARGET_PERCENT = 100;

    private final CoverageQuery query;
    private final Units units;
    private final Authority authority;
    private final Clock clock;

    Coverage(CoverageQuery query, Units units, Authority authority, Clock clock) {
        this.query = query;
        this.units = units;
        this.authority = authority;
        this.clock = clock;
    }

    /** The report as {@code user} may see it; for renderers (JSON, XLSX, PDF). */
    public CoverageReport report(CurrentUser user, long unitId) {
        requireWatch(user, unitId);
        return report(unitId);
    }

    /** Refuses with UNIT_NOT_FOUND unless the unit exists, is not archived and the user may watch it. */
    void requireWatch(CurrentUser user, long unitId) {
        Unit unit = units.find(unitId).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        if (unit.archived()) {
            throw ApiException.notFound("UNIT_NOT_FOUND");
        }
        authority.requireWatch(user, unitId);
    }

    CoverageReport report(long unitId) {
        Instant now = clock.instant();
        Unit unit = units.find(unitId).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        List<CoverageRow> rows = query.rows(unitId, now);
        Map<Long, List<CoverageRow>> byChild = CoverageCalculator.byChild(rows);
        List<UnitLine> lines = units.children(unitId).stream()
                .map(c -> new UnitLine(
                        c.id(), c.name(), c.kind(), CoverageCalculator.count(byChild.getOrDefault(c.id(), List.of()))))
                .toList();
        LocalDate deadline = units.lineage(unitId).stream()
                .map(Unit::deadline)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        Long daysLeft = deadline == null ? null : ChronoUnit.DAYS.between(today(unit, now), deadline);
        return new CoverageReport(
                unit.id(),
                unit.name(),
                unit.kind(),
                now,
                CoverageCalculator.count(rows),
                TARGET_PERCENT,
                deadline,
                daysLeft,
                CoverageCalculator.roles(rows),
                lines,
                CoverageCalculator.notConnected(rows));
    }

    private static LocalDate today(Unit unit, Instant now) {
        ZoneId zone;
        try {
            zone = ZoneId.of(unit.timeZone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("Europe/Moscow");
        }
        return LocalDate.ofInstant(now, zone);
    }
}
