package ru.parta.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;
import ru.parta.reports.CoverageReport.Counts;
import ru.parta.reports.CoverageReport.NotConnected;
import ru.parta.reports.CoverageReport.RoleLine;

/**
 * Coverage arithmetic over rows, without a database. Guarantees: every count is of distinct people (a person with
 * several roles, or a guardian of children in two classes, counts once per line); a person counts as connected only
 * if their rows say so, and connected people are never listed as not connected; the role order is the enum order.
 */
final class CoverageCalculator {

    /** The snapshot key of the totals line. */
    static final String ALL = "ALL";

    private CoverageCalculator() {}

    static Counts count(Collection<CoverageRow> rows) {
        Map<Long, CoverageRow> people = new HashMap<>();
        for (CoverageRow row : rows) {
            people.putIfAbsent(row.personId(), row);
        }
        int activated = 0;
        int connected = 0;
        int active = 0;
        for (CoverageRow p : people.values()) {
            activated += p.activated() ? 1 : 0;
            connected += p.activated() && p.connected() ? 1 : 0;
            active += p.activated() && p.active7d() ? 1 : 0;
        }
        return Counts.of(people.size(), activated, connected, active);
    }

    static List<RoleLine> roles(Collection<CoverageRow> rows) {
        Map<PersonRole, List<CoverageRow>> byRole = new LinkedHashMap<>();
        for (PersonRole role : PersonRole.values()) {
            byRole.put(role, new ArrayList<>());
        }
        rows.forEach(r -> byRole.get(r.role()).add(r));
        List<RoleLine> lines = new ArrayList<>();
        byRole.forEach((role, list) -> lines.add(new RoleLine(role, CoverageReport.label(role), count(list))));
        return lines;
    }

    /** Rows grouped by the direct child of the reported unit under which the role is held (roles held in it: none). */
    static Map<Long, List<CoverageRow>> byChild(Collection<CoverageRow> rows) {
        Map<Long, List<CoverageRow>> result = new HashMap<>();
        for (CoverageRow row : rows) {
            if (row.path().size() > 1) {
                result.computeIfAbsent(row.path().get(1), k -> new ArrayList<>())
                        .add(row);
            }
        }
        return result;
    }

    /** Counts for every unit on any row's path and every role (plus {@link #ALL}), for snapshots. */
    static Map<Long, Map<String, Counts>> perUnit(Collection<CoverageRow> rows) {
        Map<Long, Map<String, List<CoverageRow>>> grouped = new HashMap<>();
        for (CoverageRow row : rows) {
            for (Long unit : row.path()) {
                var byRole = grouped.computeIfAbsent(unit, k -> new HashMap<>());
                byRole.computeIfAbsent(ALL, k -> new ArrayList<>()).add(row);
                byRole.computeIfAbsent(row.role().name(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        Map<Long, Map<String, Counts>> result = new HashMap<>();
        grouped.forEach((unit, byRole) -> {
            Map<String, Counts> counts = new LinkedHashMap<>();
            byRole.forEach((role, list) -> counts.put(role, count(list)));
            result.put(unit, counts);
        });
        return result;
    }

    /** People not connected, in row order, each with their roles (enum order), classes and invitation status. */
    static List<NotConnected> notConnected(Collection<CoverageRow> rows) {
        Map<Long, List<CoverageRow>> byPerson = new LinkedHashMap<>();
        for (CoverageRow row : rows) {
            if (!(row.activated() && row.connected())) {
                byPerson.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<NotConnected> result = new ArrayList<>();
        for (List<CoverageRow> held : byPerson.values()) {
            CoverageRow first = held.getFirst();
            Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
            Set<String> classes = new LinkedHashSet<>();
            for (CoverageRow r : held) {
                roles.add(r.role());
                if (r.unitKind() == UnitKind.CLASS || r.unitKind() == UnitKind.GROUP) {
                    classes.add(r.unitName());
                }
            }
            result.add(new NotConnected(
                    first.personId(),
                    first.fullName(),
                    List.copyOf(roles),
                    List.copyOf(classes),
                    status(first.activated(), first.invitation())));
        }
        return result;
    }

    /** An activated person who is not connected misses chats; otherwise the latest code's state decides. */
    static InvitationStatus status(boolean activated, String invitation) {
        if (activated) {
            return InvitationStatus.ACTIVATED_NOT_IN_ALL_CHATS;
        }
        if (invitation == null) {
            return InvitationStatus.NO_CODE;
        }
        return switch (invitation) {
            case "ACTIVE" -> InvitationStatus.ACTIVE;
            case "EXPIRED" -> InvitationStatus.EXPIRED;
            case "REVOKED" -> InvitationStatus.REVOKED;
            default -> InvitationStatus.NO_CODE; // USED by an account since unlinked: a new code is needed
        };
    }
}
