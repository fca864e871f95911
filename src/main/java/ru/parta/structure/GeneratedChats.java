package ru.parta.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.chats.ChatKind;
import ru.parta.chats.ManagedChats;
import ru.parta.chats.ManagedChats.Desired;
import ru.parta.chats.MemberRole;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.RoleHolding;
import ru.parta.organizations.StructureChanged;
import ru.parta.organizations.Unit;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;

/**
 * Builds and keeps in sync the chat structure of PRODUCT.md for a school and its department: per class «5А — класс»
 * and «5А — родители»; per school «Учительская», «Администрация», «Объявления школы»; per department «Руководители ОО
 * — …» and «Объявления — …». Runs inside the transaction that changed the roster, so membership and roster commit
 * together. Only activated people (with an account) can be members; each membership lists why it exists.
 */
@Service
public class GeneratedChats {

    private final Units units;
    private final People people;
    private final ManagedChats chats;

    GeneratedChats(Units units, People people, ManagedChats chats) {
        this.units = units;
        this.people = people;
        this.chats = chats;
    }

    /** Totals of what a sync changed across all generated chats it touched. */
    public record SyncResult(int added, int removed, int roleChanged, int keptRemoved) {
        SyncResult plus(ManagedChats.Changes c) {
            return new SyncResult(
                    added + c.added().size(),
                    removed + c.removed().size(),
                    roleChanged + c.roleChanged().size(),
                    keptRemoved + c.keptRemoved().size());
        }
    }

    @EventListener
    void on(StructureChanged changed) {
        sync(changed.schoolId());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public SyncResult sync(long schoolId) {
        Unit school = units.find(schoolId).orElseThrow();
        if (school.kind() == UnitKind.DEPARTMENT) {
            return syncDepartment(school, new SyncResult(0, 0, 0, 0));
        }
        SyncResult result = syncSchool(school);
        if (school.parentId() != null) {
            Unit department = units.find(school.parentId()).orElseThrow();
            if (department.kind() == UnitKind.DEPARTMENT) {
                result = syncDepartment(department, result);
            }
        }
        return result;
    }

    private SyncResult syncSchool(Unit school) {
        List<Unit> classes = units.children(school.id()).stream()
                .filter(u -> u.kind() == UnitKind.CLASS || u.kind() == UnitKind.GROUP)
                .toList();
        List<Long> scope = new ArrayList<>();
        scope.add(school.id());
        classes.forEach(c -> scope.add(c.id()));
        List<RoleHolding> holdings = people.rolesIn(scope);
        Map<Long, Long> users = accounts(holdings);
        Map<Long, String> classNames = new HashMap<>();
        classes.forEach(c -> classNames.put(c.id(), c.name()));

        SyncResult result = new SyncResult(0, 0, 0, 0);
        for (Unit c : classes) {
            var classChat = new Membership();
            var parentsChat = new Membership();
            for (RoleHolding h : holdings) {
                Long user = users.get(h.personId());
                if (user == null || h.unitId() != c.id()) {
                    continue;
                }
                switch (h.role()) {
                    case CLASS_TEACHER -> {
                        classChat.add(user, MemberRole.ADMIN, "Классный руководитель " + c.name());
                        parentsChat.add(user, MemberRole.ADMIN, "Классный руководитель " + c.name());
                    }
                    case TEACHER -> classChat.add(user, MemberRole.ADMIN, "Учитель " + c.name());
                    case PUPIL -> classChat.add(user, MemberRole.MEMBER, "Ученик " + c.name());
                    case GUARDIAN -> parentsChat.add(user, MemberRole.MEMBER, "Родитель ученика " + c.name());
                    default -> {}
                }
            }
            result = result.plus(chats.reconcile(
                    chats.ensure(c.id(), "CLASS", ChatKind.GROUP, c.name() + " — класс"), classChat.desired));
            result = result.plus(chats.reconcile(
                    chats.ensure(c.id(), "PARENTS", ChatKind.GROUP, c.name() + " — родители"), parentsChat.desired));
        }

        for (Unit gone : units.archivedChildren(school.id())) {
            for (String kind : List.of("CLASS", "PARENTS")) {
                var chat = chats.find(gone.id(), kind);
                if (chat.isPresent()) {
                    result = result.plus(chats.reconcile(chat.get(), Map.of()));
                }
            }
        }

        var staff = new Membership();
        var leaders = new Membership();
        var news = new Membership();
        for (RoleHolding h : holdings) {
            Long user = users.get(h.personId());
            if (user == null) {
                continue;
            }
            String where = h.unitId() == school.id() ? "" : " " + classNames.getOrDefault(h.unitId(), "");
            switch (h.role()) {
                case DIRECTOR -> {
                    staff.add(user, MemberRole.ADMIN, "Директор");
                    leaders.add(user, MemberRole.ADMIN, "Директор");
                    news.add(user, MemberRole.ADMIN, "Директор");
                }
                case DEPUTY -> {
                    staff.add(user, MemberRole.ADMIN, "Заместитель директора");
                    leaders.add(user, MemberRole.MEMBER, "Заместитель директора");
                    news.add(user, MemberRole.ADMIN, "Заместитель директора");
                }
                case SCHOOL_ADMIN -> {
                    staff.add(user, MemberRole.ADMIN, "Администратор школы");
                    news.add(user, MemberRole.ADMIN, "Администратор школы");
                }
                case TEACHER -> {
                    staff.add(user, MemberRole.MEMBER, "Учитель");
                    news.add(user, MemberRole.MEMBER, "Учитель");
                }
                case CLASS_TEACHER -> {
                    staff.add(user, MemberRole.MEMBER, "Классный руководитель" + where);
                    news.add(user, MemberRole.MEMBER, "Классный руководитель" + where);
                }
                case PUPIL -> news.add(user, MemberRole.MEMBER, "Ученик" + where);
                case GUARDIAN -> news.add(user, MemberRole.MEMBER, "Родитель ученика" + where);
                default -> {}
            }
        }
        result = result.plus(
                chats.reconcile(chats.ensure(school.id(), "STAFF_ROOM", ChatKind.GROUP, "Учительская"), staff.desired));
        result = result.plus(chats.reconcile(
                chats.ensure(school.id(), "ADMINISTRATION", ChatKind.GROUP, "Администрация"), leaders.desired));
        result = result.plus(chats.reconcile(
                chats.ensure(school.id(), "SCHOOL_NEWS", ChatKind.CHANNEL, "Объявления школы"), news.desired));
        return result;
    }

    private SyncResult syncDepartment(Unit department, SyncResult result) {
        List<Long> scope = new ArrayList<>();
        scope.add(department.id());
        units.children(department.id()).stream()
                .filter(u -> u.kind() == UnitKind.SCHOOL)
                .forEach(s -> scope.add(s.id()));
        List<RoleHolding> holdings = people.rolesIn(scope);
        Map<Long, Long> users = accounts(holdings);
        var leaders = new Membership();
        var news = new Membership();
        for (RoleHolding h : holdings) {
            Long user = users.get(h.personId());
            if (user == null) {
                continue;
            }
            PersonRole role = h.role();
            if (role == PersonRole.DEPARTMENT_STAFF) {
                leaders.add(user, MemberRole.ADMIN, "Сотрудник управления образования");
                news.add(user, MemberRole.ADMIN, "Сотрудник управления образования");
            } else if (role.leadsSchool()) {
                leaders.add(
                        user, MemberRole.MEMBER, role == PersonRole.DIRECTOR ? "Директор" : "Заместитель директора");
                news.add(user, MemberRole.MEMBER, "Руководитель школы");
            } else if (role.isStaff()) {
                news.add(user, MemberRole.MEMBER, "Педагог");
            }
        }
        result = result.plus(chats.reconcile(
                chats.ensure(department.id(), "DEPT_LEADERS", ChatKind.GROUP, "Руководители ОО — " + department.name()),
                leaders.desired));
        return result.plus(chats.reconcile(
                chats.ensure(department.id(), "DEPT_NEWS", ChatKind.CHANNEL, "Объявления — " + department.name()),
                news.desired));
    }

    /** Person id → account id, for activated, current people only. */
    private Map<Long, Long> accounts(List<RoleHolding> holdings) {
        Map<Long, Long> result = new HashMap<>();
        for (Person p : people.findAll(
                holdings.stream().map(RoleHolding::personId).distinct().toList())) {
            if (!p.archived() && p.userId() != null) {
                result.put(p.id(), p.userId());
            }
        }
        return result;
    }

    /** Desired members of one chat; a user with several reasons keeps the strongest role and every reason. */
    private static final class Membership {
        final Map<Long, Desired> desired = new LinkedHashMap<>();

        void add(long user, MemberRole role, String reason) {
            desired.merge(user, new Desired(role, List.of(reason)), (a, b) -> {
                List<String> reasons = new ArrayList<>(a.reasons());
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
                MemberRole stronger = a.role().ordinal() <= b.role().ordinal() ? a.role() : b.role();
                return new Desired(stronger, reasons);
            });
        }
    }
}
