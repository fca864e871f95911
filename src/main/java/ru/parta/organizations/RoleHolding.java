package ru.parta.organizations;

import java.util.List;

/** One active role of a person in a unit. */
public record RoleHolding(
        long id, long personId, long unitId, PersonRole role, List<String> subjects, boolean manual) {}
