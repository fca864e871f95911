package ru.parta.organizations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.accounts.CurrentUser;
import ru.parta.shared.ApiException;

/**
 * The school-year rollover: every class moves up a grade («5А» → «6А», its chats renamed, their history kept); the
 * final grade graduates: its class is archived, its pupils are archived (accounts and messages stay) and leave the
 * class chats, guardians and teachers lose their roles in it. Classes are processed from the top grade down, so a
 * promoted class never collides with the one that just left. A dry run is the same work rolled back.
 */
@Service
public class SchoolYear {

    private final Units units;
    private final People people;
    private final Authority authority;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SchoolYear(
            Units units, People people, Authority authority, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.units = units;
        this.people = people;
        this.authority = authority;
        this.events = events;
        this.tx = tx;
    }

    public record Rollover(boolean dryRun, List<String> promoted, List<String> graduated, int archivedPeople) {}

    public Rollover rollover(CurrentUser user, long schoolId, int finalGrade, boolean dryRun) {
        authority.requireManage(user, schoolId);
        Unit school = units.find(schoolId)
                .filter(u -> u.kind() == UnitKind.SCHOOL)
                .orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        if (finalGrade < 1 || finalGrade > 12) {
            throw ApiException.badRequest("INVALID_FINAL_GRADE");
        }
        return tx.execute(status -> {
            List<String> promoted = new ArrayList<>();
            List<String> graduated = new ArrayList<>();
            int archived = 0;
            List<Unit> classes = units.children(school.id()).stream()
                    .filter(u -> u.kind() == UnitKind.CLASS && u.grade() != null)
                    .sorted(Comparator.comparing(Unit::grade).reversed())
                    .toList();
            for (Unit c : classes) {
                if (c.grade() >= finalGrade) {
                    archived += graduate(c);
                    graduated.add(c.name());
                } else {
                    String next = (c.grade() + 1)
                            + c.name().substring(String.valueOf(c.grade()).length());
                    units.rename(c.id(), next, c.grade() + 1);
                    promoted.add(c.name() + " → " + next);
                }
            }
            events.publishEvent(new StructureChanged(school.id()));
            if (dryRun) {
                status.setRollbackOnly();
            } else {
                events.publishEvent(new ru.parta.shared.AdminAction(
                        user.userId(),
                        school.id(),
                        "school.rollover",
                        java.util.Map.of("promoted", promoted, "graduated", graduated)));
            }
            return new Rollover(dryRun, promoted, graduated, archived);
        });
    }

    private int graduate(Unit c) {
        int archived = 0;
        for (RoleHolding h : people.rolesIn(List.of(c.id()))) {
            people.endRole(h.id());
            if (h.role() == PersonRole.PUPIL || people.roles(h.personId()).isEmpty()) {
                people.archive(h.personId());
                archived++;
            }
        }
        units.archive(c.id());
        return archived;
    }
}
