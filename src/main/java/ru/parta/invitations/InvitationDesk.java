package ru.parta.invitations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.Authority;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.RoleHolding;
import ru.parta.organizations.Unit;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;

/**
 * Issuing, re-issuing and revoking personal codes for the people of a class or school. Class teachers may do this
 * for their class, school leaders and admins for their school. Issuing never touches people who are activated or
 * already hold a live code, so it is safe to repeat.
 */
@Service
public class InvitationDesk {

    private final Invitations invitations;
    private final People people;
    private final Units units;
    private final Authority authority;
    private final InvitationsProperties properties;
    private final Clock clock;
    private final ActivationCodes codes = new ActivationCodes();
    private final org.springframework.context.ApplicationEventPublisher events;

    InvitationDesk(
            Invitations invitations,
            People people,
            Units units,
            Authority authority,
            InvitationsProperties properties,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.people = people;
        this.units = units;
        this.authority = authority;
        this.properties = properties;
        this.clock = clock;
    }

    /** Everyone of the unit (a class: its pupils, their guardians, its teachers; a school: everyone) with status. */
    public List<InvitationView> list(CurrentUser user, long unitId) {
        authority.requireWatch(user, unitId);
        return invitations.statusOf(peopleOf(unitId));
    }

    /** Issues a code to everyone of the unit who is not activated and has no live code; returns the new list. */
    @Transactional
    public List<InvitationView> issueAll(CurrentUser user, long unitId) {
        authority.requireWatch(user, unitId);
        for (InvitationView v : invitations.statusOf(peopleOf(unitId))) {
            if (v.status().equals("NO_CODE")
                    || v.status().equals("EXPIRED")
                    || v.status().equals("REVOKED")) {
                issue(v.personId(), user.userId());
            }
        }
        return invitations.statusOf(peopleOf(unitId));
    }

    /** A fresh code for one person; the old one stops working. */
    @Transactional
    public InvitationView reissue(CurrentUser user, long personId) {
        Person person = watched(user, personId);
        if (person.userId() != null) {
            throw ApiException.conflict("ALREADY_ACTIVATED");
        }
        issue(personId, user.userId());
        events.publishEvent(new ru.parta.shared.AdminAction(
                user.userId(), person.homeUnitId(), "invitation.reissued", java.util.Map.of("personId", personId)));
        return invitations.statusOf(List.of(personId)).getFirst();
    }

    @Transactional
    public InvitationView revoke(CurrentUser user, long personId) {
        Person person = watched(user, personId);
        invitations.revokeActive(personId);
        events.publishEvent(new ru.parta.shared.AdminAction(
                user.userId(), person.homeUnitId(), "invitation.revoked", java.util.Map.of("personId", personId)));
        return invitations.statusOf(List.of(personId)).getFirst();
    }

    /**
     * Printable sheets for a unit: issues codes to whoever still lacks one, then one slip per person with a live
     * code (pupils and, for each guardian, the child's name on the role line).
     */
    @Transactional
    public byte[] sheets(CurrentUser user, long unitId, ru.parta.documents.InvitationSheets renderer) {
        List<InvitationView> views = issueAll(user, unitId);
        Unit unit = units.find(unitId).orElseThrow();
        String school = unit.kind() == UnitKind.SCHOOL
                ? unit.name()
                : units.find(unit.parentId()).map(Unit::name).orElse("");
        var date = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
                .withZone(java.time.ZoneId.of(unit.timeZone()));
        List<ru.parta.documents.SheetRequest.Slip> slips = new ArrayList<>();
        for (InvitationView v : views) {
            if (!"ACTIVE".equals(v.status())) {
                continue;
            }
            slips.add(new ru.parta.documents.SheetRequest.Slip(
                    v.fullName(), roleLabel(v), v.code(), link(v.code()), date.format(v.expiresAt())));
        }
        if (slips.isEmpty()) {
            throw ApiException.conflict("NOTHING_TO_PRINT");
        }
        return renderer.render(
                new ru.parta.documents.SheetRequest(school, unit.kind() == UnitKind.SCHOOL ? "" : unit.name(), slips));
    }

    private String roleLabel(InvitationView v) {
        String roles = v.role() == null ? "" : v.role();
        String where = v.className() == null ? "" : " " + v.className();
        if (roles.contains("GUARDIAN")) {
            List<String> children = people.children(v.personId()).stream()
                    .map(people::find)
                    .flatMap(java.util.Optional::stream)
                    .map(c -> c.surname() + " " + c.name())
                    .toList();
            return "Родитель ученика: " + String.join(", ", children);
        }
        if (roles.contains("PUPIL")) {
            return "Ученик" + where;
        }
        if (roles.contains("CLASS_TEACHER")) {
            return "Классный руководитель" + where;
        }
        if (roles.contains("DIRECTOR")) {
            return "Директор";
        }
        if (roles.contains("DEPUTY")) {
            return "Заместитель директора";
        }
        return roles.contains("TEACHER") ? "Учитель" : "Сотрудник";
    }

    String link(String code) {
        return properties.publicUrl().replaceAll("/+$", "") + "/activate?code=" + code;
    }

    private void issue(long personId, long byUser) {
        invitations.revokeActive(personId);
        for (int attempt = 0; ; attempt++) {
            try {
                invitations.insert(personId, codes.generate(), clock.instant().plus(properties.codeLifetime()), byUser);
                return;
            } catch (DuplicateKeyException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    private Person watched(CurrentUser user, long personId) {
        Person person = people.find(personId)
                .filter(p -> !p.archived())
                .orElseThrow(() -> ApiException.notFound("PERSON_NOT_FOUND"));
        boolean allowed = authority.canWatch(user, person.homeUnitId())
                || people.roles(personId).stream().anyMatch(r -> authority.canWatch(user, r.unitId()));
        if (!allowed) {
            throw ApiException.notFound("PERSON_NOT_FOUND");
        }
        return person;
    }

    /** The people a unit's invitation list covers. */
    List<Long> peopleOf(long unitId) {
        Unit unit = units.find(unitId).orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        List<Long> scope = new ArrayList<>();
        scope.add(unitId);
        if (unit.kind() == UnitKind.SCHOOL || unit.kind() == UnitKind.DEPARTMENT) {
            units.children(unitId).forEach(c -> scope.add(c.id()));
        }
        return people.rolesIn(scope).stream()
                .map(RoleHolding::personId)
                .distinct()
                .toList();
    }
}
