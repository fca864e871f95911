package ru.parta.organizations;

/**
 * Roles a person holds in a unit. PUPIL, GUARDIAN (of a pupil of that class) and CLASS_TEACHER are held in a class;
 * TEACHER in a class they teach or in the school; DIRECTOR, DEPUTY and SCHOOL_ADMIN in a school; DEPARTMENT_STAFF in
 * a department.
 */
public enum PersonRole {
    PUPIL,
    GUARDIAN,
    TEACHER,
    CLASS_TEACHER,
    DIRECTOR,
    DEPUTY,
    SCHOOL_ADMIN,
    DEPARTMENT_STAFF;

    public boolean isStaff() {
        return this != PUPIL && this != GUARDIAN;
    }

    public boolean leadsSchool() {
        return this == DIRECTOR || this == DEPUTY;
    }
}
