package ru.parta.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.Authority;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;

/** What guardians see of their children's chats, and schools' quiet hours. */
@RestController
class SafetyController {

    private final People people;
    private final Units units;
    private final Authority authority;
    private final QuietHours quietHours;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    SafetyController(
            People people, Units units, Authority authority, QuietHours quietHours, JdbcClient jdbc, AuditLog audit) {
        this.people = people;
        this.units = units;
        this.authority = authority;
        this.quietHours = quietHours;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record ChildChat(String kind, String title) {}

    record Child(long personId, String surname, String name, boolean activated, List<ChildChat> chats) {}

    record QuietWindow(@NotNull LocalTime from, @NotNull LocalTime to) {}

    /** The caller's children (as a rostered guardian) and the titles of the chats each is in: never messages. */
    @GetMapping("/api/v1/me/children")
    List<Child> children(@AuthenticationPrincipal CurrentUser user) {
        List<Child> result = new ArrayList<>();
        for (Person guardian : people.byUser(user.userId())) {
            for (Person child : people.findAll(people.children(guardian.id()))) {
                if (child.archived() || result.stream().anyMatch(c -> c.personId() == child.id())) {
                    continue;
                }
                List<ChildChat> chats = child.userId() == null ? List.of() : chatsOf(child.userId());
                result.add(new Child(child.id(), child.surname(), child.name(), child.userId() != null, chats));
            }
        }
        return result;
    }

    private List<ChildChat> chatsOf(long userId) {
        return jdbc.sql("""
                        select c.kind, coalesce(c.title, (select u.surname || ' ' || u.name from chat_members o
                                join users u on u.id = o.user_id
                                where o.chat_id = c.id and o.user_id <> m.user_id limit 1)) as title
                        from chat_members m join chats c on c.id = m.chat_id
                        where m.user_id = ? order by c.kind, title
                        """)
                .param(userId)
                .query((rs, n) -> new ChildChat(rs.getString(1), rs.getString(2)))
                .list();
    }

    @GetMapping("/api/v1/units/{id}/quiet-hours")
    QuietWindow quietHours(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        authority.requireWatch(user, id);
        requireSchool(id);
        var w = quietHours.window(id);
        return new QuietWindow(w.from(), w.to());
    }

    /** Sets a school's quiet hours (school managers); from after to wraps over midnight, from = to turns them off. */
    @PutMapping("/api/v1/units/{id}/quiet-hours")
    QuietWindow setQuietHours(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody QuietWindow body) {
        authority.requireManage(user, id);
        requireSchool(id);
        quietHours.setWindow(id, body.from(), body.to());
        audit.record(user.userId(), id, "unit.quiet-hours", java.util.Map.of("from", body.from(), "to", body.to()));
        return quietHours(user, id);
    }

    private void requireSchool(long id) {
        if (units.find(id)
                        .orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"))
                        .kind()
                != UnitKind.SCHOOL) {
            throw ApiException.badRequest("NOT_A_SCHOOL");
        }
    }
}
