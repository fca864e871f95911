package ru.parta.organizations;

import java.util.Set;

/** Kinds of organisation units and where each may stand in the tree. */
public enum UnitKind {
    REGION,
    DEPARTMENT,
    SCHOOL,
    CLASS,
    GROUP,
    STAFF;

    /** Whether a unit of this kind may be placed under a parent of the given kind (null: the root). */
    public boolean allowedUnder(UnitKind parent) {
        return switch (this) {
            case REGION -> parent == null;
            case DEPARTMENT -> parent == null || parent == REGION;
            case SCHOOL -> parent == DEPARTMENT;
            case CLASS, GROUP, STAFF -> parent == SCHOOL;
        };
    }

    static final Set<UnitKind> GROUPS_OF_PEOPLE = Set.of(CLASS, GROUP, STAFF);
}
