package ru.parta.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.shared.ApiException;

/** The organisation tree as its managers see it; units outside one's authority answer UNIT_NOT_FOUND. */
@RestController
class UnitsController {

    private final Units units;
    private final People people;
    private final Authority authority;

    private final SchoolYear schoolYear;
    private final org.springframework.context.ApplicationEventPublisher events;

    UnitsController(
            Units units,
            People people,
            Authority authority,
            SchoolYear schoolYear,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.units = units;
        this.people = people;
        this.authority = authority;
        this.schoolYear = schoolYear;
    }

    @PostMapping("/api/v1/units/{id}/rollover")
    SchoolYear.Rollover rollover(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "true") boolean dryRun,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "11") int finalGrade) {
        return schoolYear.rollover(user, id, finalGrade, dryRun);
    }

    record UnitDetails(Unit unit, List<Unit> path, List<Unit> children) {}

    record NewUnit(
            Long parentId,
            @NotNull UnitKind kind,
            @NotBlank @Size(max = 200) String name) {}

    record UnitSettings(LocalDate deadline, @Size(max = 64) String timeZone) {}

    record PersonEntry(Person person, List<RoleHolding> roles) {}

    @GetMapping("/api/v1/units")
    List<Unit> entry(@AuthenticationPrincipal CurrentUser user) {
        return authority.entryUnits(user).stream()
                .map(units::find)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    @GetMapping("/api/v1/units/{id}")
    UnitDetails unit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        authority.requireWatch(user, id);
        Unit unit = units.find(id).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        List<Unit> path = units.lineage(id).reversed();
        return new UnitDetails(unit, path, units.children(id));
    }

    @PostMapping("/api/v1/units")
    @Transactional
    ResponseEntity<Unit> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewUnit body) {
        UnitKind parentKind = null;
        if (body.parentId() == null) {
            if (!user.systemAdmin()) {
                throw ApiException.forbidden("ADMIN_ONLY");
            }
        } else {
            authority.requireManage(user, body.parentId());
            Unit parent = units.find(body.parentId()).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
            parentKind = parent.kind();
        }
        if (!body.kind().allowedUnder(parentKind)) {
            throw ApiException.badRequest("UNIT_PLACEMENT_INVALID");
        }
        String name = body.name().strip().replaceAll("\\s+", " ");
        if (body.parentId() != null
                && units.activeChild(body.parentId(), body.kind(), name).isPresent()) {
            throw ApiException.conflict("UNIT_EXISTS");
        }
        long id = units.create(body.parentId(), body.kind(), name, null);
        events.publishEvent(new ru.parta.shared.AdminAction(
                user.userId(), id, "unit.created", java.util.Map.of("kind", body.kind(), "name", name)));
        return ResponseEntity.status(HttpStatus.CREATED).body(units.find(id).orElseThrow());
    }

    @PatchMapping("/api/v1/units/{id}")
    Unit settings(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody UnitSettings body) {
        authority.requireManage(user, id);
        if (body.timeZone() != null) {
            try {
                ZoneId.of(body.timeZone());
            } catch (DateTimeException e) {
                throw ApiException.badRequest("INVALID_TIME_ZONE");
            }
        }
        units.settings(id, body.deadline(), body.timeZone());
        var changed = new java.util.TreeMap<String, Object>();
        if (body.deadline() != null) {
            changed.put("deadline", body.deadline().toString());
        }
        if (body.timeZone() != null) {
            changed.put("timeZone", body.timeZone());
        }
        events.publishEvent(new ru.parta.shared.AdminAction(user.userId(), id, "unit.settings", changed));
        return units.find(id).orElseThrow();
    }

    @GetMapping("/api/v1/units/{id}/people")
    List<PersonEntry> people(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        authority.requireWatch(user, id);
        Unit unit = units.find(id).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        var holdings = people.rolesIn(List.of(id));
        var byPerson = new java.util.LinkedHashMap<Long, List<RoleHolding>>();
        holdings.forEach(h -> byPerson.computeIfAbsent(h.personId(), k -> new java.util.ArrayList<>())
                .add(h));
        if (unit.kind() == UnitKind.SCHOOL || unit.kind() == UnitKind.DEPARTMENT) {
            people.ofHome(id).stream()
                    .filter(p -> !p.archived())
                    .forEach(p -> byPerson.computeIfAbsent(p.id(), k -> people.roles(p.id())));
        }
        return byPerson.entrySet().stream()
                .map(e -> new PersonEntry(people.find(e.getKey()).orElseThrow(), e.getValue()))
                .toList();
    }
}
