package ru.parta.safety;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.NewUser;
import ru.parta.organizations.People;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.support.Api;

/**
 * A small rostered district built directly (no import): one department with schools A and B; in A the classes 5А and
 * 6Б, in B the class 5А. Every person is activated (linked to an account with a phone and an e-mail). A plain object,
 * not a bean, so that tests using it share the one test server.
 */
class SchoolFixture {

    private static final AtomicInteger SEQ = new AtomicInteger(1000);

    private final Api api;
    private final Accounts accounts;
    private final People people;
    private final Units units;

    SchoolFixture(Api api, Accounts accounts, People people, Units units) {
        this.api = api;
        this.accounts = accounts;
        this.people = people;
        this.units = units;
    }

    /** The district: sessions of every role, and unit ids. */
    record District(
            long department,
            long schoolA,
            long classA5,
            long classA6,
            long schoolB,
            long classB5,
            Api.Session pupil,
            long pupilPerson,
            Api.Session classmate,
            Api.Session sameSchoolPupil,
            Api.Session otherSchoolPupil,
            Api.Session guardian,
            Api.Session otherGuardian,
            Api.Session teacher,
            Api.Session classTeacher,
            Api.Session director,
            Api.Session deputy,
            Api.Session schoolAdmin,
            Api.Session otherDirector,
            Api.Session departmentStaff,
            Api.Session systemAdmin,
            Api.Session stranger) {}

    District district() {
        long department = units.create(null, UnitKind.DEPARTMENT, "УО " + UUID.randomUUID(), null);
        long schoolA = units.create(department, UnitKind.SCHOOL, "Школа А", null);
        long classA5 = units.create(schoolA, UnitKind.CLASS, "5А", 5);
        long classA6 = units.create(schoolA, UnitKind.CLASS, "6Б", 6);
        long schoolB = units.create(department, UnitKind.SCHOOL, "Школа Б", null);
        long classB5 = units.create(schoolB, UnitKind.CLASS, "5А", 5);

        var pupil = person(schoolA, "Ученикова", classA5, PersonRole.PUPIL);
        var classmate = person(schoolA, "Одноклассников", classA5, PersonRole.PUPIL);
        var sameSchool = person(schoolA, "Шестиклассников", classA6, PersonRole.PUPIL);
        var otherSchool = person(schoolB, "Чужаков", classB5, PersonRole.PUPIL);
        var guardian = person(schoolA, "Ученикова", classA5, PersonRole.GUARDIAN);
        people.addGuardianship(guardian.personId(), pupil.personId());
        var otherGuardian = person(schoolA, "Шестиклассникова", classA6, PersonRole.GUARDIAN);
        people.addGuardianship(otherGuardian.personId(), sameSchool.personId());
        var teacher = person(schoolA, "Учителев", schoolA, PersonRole.TEACHER);
        var classTeacher = person(schoolA, "Классрук", classA5, PersonRole.CLASS_TEACHER);
        var director = person(schoolA, "Директоров", schoolA, PersonRole.DIRECTOR);
        var deputy = person(schoolA, "Замов", schoolA, PersonRole.DEPUTY);
        var schoolAdmin = person(schoolA, "Админов", schoolA, PersonRole.SCHOOL_ADMIN);
        var otherDirector = person(schoolB, "Другойдиректор", schoolB, PersonRole.DIRECTOR);
        var staff = person(department, "Управленцев", department, PersonRole.DEPARTMENT_STAFF);
        return new District(
                department,
                schoolA,
                classA5,
                classA6,
                schoolB,
                classB5,
                pupil.session(),
                pupil.personId(),
                classmate.session(),
                sameSchool.session(),
                otherSchool.session(),
                guardian.session(),
                otherGuardian.session(),
                teacher.session(),
                classTeacher.session(),
                director.session(),
                deputy.session(),
                schoolAdmin.session(),
                otherDirector.session(),
                staff.session(),
                api.newUser("Сисадмин", true),
                account("Посторонний"));
    }

    record Rostered(long personId, Api.Session session) {}

    Rostered person(long home, String surname, long unit, PersonRole role) {
        var session = account(surname);
        long personId = people.insert(home, surname, "Имя", null, surname.toLowerCase() + SEQ.get(), null, null, null);
        people.addRole(personId, unit, role, List.of(), true);
        people.linkUser(personId, session.userId());
        return new Rostered(personId, session);
    }

    /** An account with a phone and an e-mail, signed in. */
    Api.Session account(String surname) {
        int n = SEQ.incrementAndGet();
        String login = "s" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        String phone =
                "+79" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000L);
        var profile = accounts.createTrusted(
                new NewUser(login, surname, "Имя", null, phone, login + "@example.org", Api.PASSWORD, false));
        return api.login(login, profile.id());
    }
}
