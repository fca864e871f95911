package ru.parta.organizations;

import java.time.LocalDate;

/** An organisation unit: region, education department, school, class, group or staff unit. */
public record Unit(
        long id,
        Long parentId,
        UnitKind kind,
        String name,
        Integer grade,
        String timeZone,
        LocalDate deadline,
        boolean archived) {}
