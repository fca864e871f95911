package ru.parta.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * Every rollout endpoint against every role: who may act gets a success, everyone else gets 404 (nothing revealed),
 * and an anonymous caller gets 401.
 */
@IntegrationTest
class RolloutPermissionsIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    People people;

    @Autowired
    Units units;

    static final Set<String> MANAGERS =
            Set.of("system admin", "director", "deputy", "school admin", "department staff");
    static final Set<String> CLASS_WATCHERS =
            Set.of("system admin", "director", "deputy", "school admin", "department staff", "class teacher 5А");

    record Endpoint(String name, Set<String> allowed, Function<Api.Session, Api.Response> call) {}

    @Test
    void onlyTheRightRolesReachEachEndpoint() throws Exception {
        var admin = api.newUser("Сисадмин", true);
        var district = api.sampleDistrict(admin);
        long department = district.department();
        long school = district.school();
        long otherSchool = id(
                api.post(admin, "/api/v1/units", Map.of("parentId", department, "kind", "SCHOOL", "name", "Соседняя")));
        byte[] roster = Api.sampleRoster();
        long fiveA =
                units.activeChild(school, UnitKind.CLASS, "5А").orElseThrow().id();
        long sixA =
                units.activeChild(school, UnitKind.CLASS, "6А").orElseThrow().id();

        Map<String, Api.Session> callers = new LinkedHashMap<>();
        callers.put("system admin", admin);
        callers.put("director", holder(school, PersonRole.DIRECTOR));
        callers.put("deputy", holder(school, PersonRole.DEPUTY));
        callers.put("class teacher 5А", holder(fiveA, PersonRole.CLASS_TEACHER));
        callers.put("class teacher 6А", holder(sixA, PersonRole.CLASS_TEACHER));
        callers.put("pupil", holder(fiveA, PersonRole.PUPIL));
        callers.put("guardian", holder(fiveA, PersonRole.GUARDIAN));
        callers.put("school admin", manual(school, school, PersonRole.SCHOOL_ADMIN));
        callers.put("department staff", manual(department, department, PersonRole.DEPARTMENT_STAFF));
        callers.put("other school's director", manual(otherSchool, otherSchool, PersonRole.DIRECTOR));
        callers.put("stranger", api.newUser("Прохожий"));

        long somePerson = people.rolesIn(List.of(fiveA)).stream()
                .map(RoleHolding::personId)
                .filter(p -> people.find(p).orElseThrow().userId() == null)
                .findFirst()
                .orElseThrow();
        String units = "/api/v1/units/";
        List<Endpoint> endpoints = List.of(
                new Endpoint("view school", MANAGERS, s -> api.get(s, units + school)),
                new Endpoint("school people", MANAGERS, s -> api.get(s, units + school + "/people")),
                new Endpoint(
                        "add class",
                        MANAGERS,
                        s -> api.post(
                                s,
                                "/api/v1/units",
                                Map.of("parentId", school, "kind", "CLASS", "name", "Кружок " + System.nanoTime()))),
                new Endpoint(
                        "set deadline",
                        MANAGERS,
                        s -> api.send(s, "PATCH", units + school, Map.of("deadline", "2026-12-20"))),
                new Endpoint(
                        "roster dry run", MANAGERS, s -> api.upload(s, units + school + "/roster", "r.csv", roster)),
                new Endpoint("import history", MANAGERS, s -> api.get(s, units + school + "/roster/imports")),
                new Endpoint("rollover dry run", MANAGERS, s -> api.post(s, units + school + "/rollover", null)),
                new Endpoint("view class", CLASS_WATCHERS, s -> api.get(s, units + fiveA)),
                new Endpoint("school coverage", MANAGERS, s -> api.get(s, units + school + "/coverage")),
                new Endpoint("coverage PDF", MANAGERS, s -> api.get(s, units + school + "/coverage.pdf")),
                new Endpoint("class coverage", CLASS_WATCHERS, s -> api.get(s, units + fiveA + "/coverage")),
                new Endpoint("coverage history", CLASS_WATCHERS, s -> api.get(s, units + fiveA + "/coverage/history")),
                new Endpoint("class invitations", CLASS_WATCHERS, s -> api.get(s, units + fiveA + "/invitations")),
                new Endpoint("issue codes", CLASS_WATCHERS, s -> api.post(s, units + fiveA + "/invitations", null)),
                new Endpoint("print sheets", CLASS_WATCHERS, s -> api.get(s, units + fiveA + "/invitations.pdf")),
                new Endpoint(
                        "re-issue a code",
                        CLASS_WATCHERS,
                        s -> api.post(s, "/api/v1/people/" + somePerson + "/invitation", null)),
                new Endpoint(
                        "class link",
                        CLASS_WATCHERS,
                        s -> api.post(s, units + fiveA + "/links", Map.of("role", "GUARDIAN"))),
                new Endpoint("join requests", CLASS_WATCHERS, s -> api.get(s, units + fiveA + "/join-requests")));

        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            int anonymous =
                    e.call().apply(new Api.Session(0, "", "not-a-session")).status();
            if (anonymous != 401) {
                wrong.add(e.name() + " / anonymous → " + anonymous);
            }
            for (var caller : callers.entrySet()) {
                var response = e.call().apply(caller.getValue());
                boolean allowed = e.allowed().contains(caller.getKey());
                boolean ok = allowed ? response.status() >= 200 && response.status() < 300 : response.status() == 404;
                if (!ok) {
                    wrong.add(e.name() + " / " + caller.getKey() + " → " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static long id(Api.Response r) {
        return r.json().get("id").asLong();
    }

    /** Links a new account to a rostered person holding the role in the unit. */
    private Api.Session holder(long unit, PersonRole role) {
        long personId = people.rolesIn(List.of(unit)).stream()
                .filter(r -> r.role() == role)
                .filter(r -> people.find(r.personId()).orElseThrow().userId() == null)
                .findFirst()
                .orElseThrow()
                .personId();
        var user = api.newUser(role.name());
        people.linkUser(personId, user.userId());
        return user;
    }

    private Api.Session manual(long home, long unit, PersonRole role) {
        long personId = people.insert(home, "Ручной", role.name(), null, "ручной " + role, null, null, null);
        people.addRole(personId, unit, role, List.of(), true);
        var user = api.newUser(role.name());
        people.linkUser(personId, user.userId());
        return user;
    }
}
