package ru.parta.invitations;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.UserProfile;
import ru.parta.accounts.Users;
import ru.parta.organizations.Authority;
import ru.parta.organizations.People;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.StructureChanged;
import ru.parta.organizations.Unit;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;

/**
 * Class invitation links: a class teacher shares one link per role; whoever opens it while signed in asks to join the
 * class. Pupils' links always need the class teacher's approval, so a stranger cannot slip into a children's chat;
 * approved people get a hand-made (MANUAL) role, which roster imports never remove.
 */
@Service
public class ClassLinks {

    private final JdbcClient jdbc;
    private final Units units;
    private final People people;
    private final Users users;
    private final Authority authority;
    private final ApplicationEventPublisher events;
    private final InvitationsProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ClassLinks(
            JdbcClient jdbc,
            Units units,
            People people,
            Users users,
            Authority authority,
            ApplicationEventPublisher events,
            InvitationsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.people = people;
        this.users = users;
        this.authority = authority;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public record Link(String token, String url, long unitId, String role, boolean requiresApproval) {}

    public record LinkInfo(String school, String className, String role, boolean requiresApproval) {}

    public record JoinRequest(
            long id, long userId, String surname, String name, String role, String childName, String status) {}

    @Transactional
    public Link create(CurrentUser user, long classId, PersonRole role, boolean requiresApproval) {
        authority.requireWatch(user, classId);
        Unit unit = units.find(classId)
                .filter(u -> u.kind() == UnitKind.CLASS)
                .orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        if (role != PersonRole.PUPIL && role != PersonRole.GUARDIAN && role != PersonRole.TEACHER) {
            throw ApiException.badRequest("LINK_ROLE_INVALID");
        }
        boolean approval = requiresApproval || role == PersonRole.PUPIL;
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into class_links (unit_id, role, token, requires_approval, created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        unit.id(),
                        role.name(),
                        token,
                        approval,
                        user.userId(),
                        java.sql.Timestamp.from(clock.instant().plus(properties.linkLifetime())))
                .update();
        return new Link(
                token,
                properties.publicUrl().replaceAll("/+$", "") + "/join/" + token,
                unit.id(),
                role.name(),
                approval);
    }

    public LinkInfo info(String token) {
        var link = live(token);
        Unit unit = units.find(link.unitId()).orElseThrow();
        String school = units.find(unit.parentId()).map(Unit::name).orElse("");
        return new LinkInfo(school, unit.name(), link.role(), link.requiresApproval());
    }

    /** Asks to join (or joins at once when the link needs no approval); answers the request's state. */
    @Transactional
    public JoinRequest join(CurrentUser user, String token, String childName) {
        var link = live(token);
        var existing = jdbc.sql("select id from join_requests where link_id = ? and user_id = ? and status = 'PENDING'")
                .params(link.id(), user.userId())
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return request(existing.get());
        }
        long id = jdbc.sql("insert into join_requests (link_id, user_id, child_name) values (?, ?, ?) returning id")
                .params(link.id(), user.userId(), childName == null ? null : childName.strip())
                .query(Long.class)
                .single();
        if (!link.requiresApproval()) {
            admit(id, link, null);
        }
        return request(id);
    }

    public List<JoinRequest> pending(CurrentUser user, long classId) {
        authority.requireWatch(user, classId);
        return jdbc.sql("""
                        select r.id from join_requests r join class_links l on l.id = r.link_id
                        where l.unit_id = ? and r.status = 'PENDING' order by r.id
                        """).param(classId).query(Long.class).list().stream()
                .map(this::request)
                .toList();
    }

    @Transactional
    public JoinRequest decide(CurrentUser user, long requestId, boolean approve) {
        record Pending(long linkId, long unitId, String role, String status) {}
        Pending p = jdbc.sql("""
                        select l.id, l.unit_id, l.role, r.status from join_requests r join class_links l on l.id = r.link_id
                        where r.id = ? for update of r
                        """)
                .param(requestId)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("JOIN_REQUEST_NOT_FOUND"));
        if (!authority.canWatch(user, p.unitId())) {
            throw ApiException.notFound("JOIN_REQUEST_NOT_FOUND");
        }
        if (!"PENDING".equals(p.status())) {
            throw ApiException.conflict("JOIN_REQUEST_DECIDED");
        }
        if (approve) {
            admit(requestId, new LiveLink(p.linkId(), p.unitId(), p.role(), true), user.userId());
        } else {
            jdbc.sql("update join_requests set status = 'REJECTED', decided_by = ?, decided_at = now() where id = ?")
                    .params(user.userId(), requestId)
                    .update();
        }
        return request(requestId);
    }

    private void admit(long requestId, LiveLink link, Long decidedBy) {
        long userId = jdbc.sql("select user_id from join_requests where id = ?")
                .param(requestId)
                .query(Long.class)
                .single();
        UserProfile profile = users.find(userId).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND"));
        Unit unit = units.find(link.unitId()).orElseThrow();
        long school = unit.parentId();
        long personId = people.insert(
                school,
                profile.surname(),
                profile.name(),
                profile.patronymic(),
                ru.parta.rosters.parsing.PersonKey.of(
                                profile.surname(),
                                profile.name(),
                                profile.patronymic() == null ? "" : profile.patronymic())
                        .value(),
                null,
                null,
                null);
        people.linkUser(personId, userId);
        people.addRole(personId, unit.id(), PersonRole.valueOf(link.role()), List.of(), true);
        jdbc.sql("""
                        update join_requests set status = 'APPROVED', decided_by = ?, decided_at = now(), person_id = ?
                        where id = ?
                        """).params(decidedBy, personId, requestId).update();
        events.publishEvent(new StructureChanged(school));
    }

    private record LiveLink(long id, long unitId, String role, boolean requiresApproval) {}

    private LiveLink live(String token) {
        return jdbc.sql("""
                        select id, unit_id, role, requires_approval from class_links
                        where token = ? and revoked_at is null and expires_at > now()
                        """)
                .param(token == null ? "" : token)
                .query((rs, n) -> new LiveLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .optional()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "LINK_INVALID"));
    }

    private JoinRequest request(long id) {
        return jdbc.sql("""
                        select r.id, r.user_id, u.surname, u.name, l.role, r.child_name, r.status
                        from join_requests r join users u on u.id = r.user_id join class_links l on l.id = r.link_id
                        where r.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new JoinRequest(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .single();
    }
}
