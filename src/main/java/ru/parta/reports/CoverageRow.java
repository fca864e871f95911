package ru.parta.reports;

import java.util.List;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;

/**
 * One active role of one current person in the reported subtree, with that person's status. The flags are about the
 * person (all of their roles), so every row of a person carries the same flags.
 *
 * @param path unit ids from the reported unit down to the unit where the role is held
 * @param invitation the state of the person's latest invitation: null (none), ACTIVE, EXPIRED, REVOKED or USED
 */
record CoverageRow(
        long personId,
        String fullName,
        PersonRole role,
        long unitId,
        String unitName,
        UnitKind unitKind,
        List<Long> path,
        boolean activated,
        boolean connected,
        boolean active7d,
        String invitation) {}
