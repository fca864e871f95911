package ru.parta.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.organizations.People;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class RolloverIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    People people;

    @Test
    void promotesClassesRenamesTheirChatsAndGraduatesTheFinalGrade() throws Exception {
        var admin = api.newUser("Сисадмин", true);
        long school = api.sampleDistrict(admin).school();
        byte[] roster = Api.sampleRoster();
        var fifth = activatePupilOf(school, "5А");
        var eleventh = activatePupilOf(school, "11А");
        api.upload(admin, "/api/v1/units/" + school + "/roster?dryRun=false", "r.csv", roster);
        assertThat(titles(fifth)).contains("5А — класс");
        assertThat(titles(eleventh)).contains("11А — класс");

        var dry = api.post(admin, "/api/v1/units/" + school + "/rollover?dryRun=true", null)
                .json();
        assertThat(dry.get("promoted").toString()).contains("5А → 6А").contains("10А → 11А");
        assertThat(dry.get("graduated").toString()).contains("11А");
        assertThat(titles(fifth)).contains("5А — класс");

        var applied = api.post(admin, "/api/v1/units/" + school + "/rollover?dryRun=false", null)
                .json();
        assertThat(applied.get("archivedPeople").asInt()).isPositive();
        assertThat(titles(fifth)).contains("6А — класс").doesNotContain("5А — класс");
        assertThat(titles(eleventh)).doesNotContain("11А — класс");
        assertThat(api.get(eleventh, "/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get(admin, "/api/v1/units/" + school)
                        .json()
                        .get("children")
                        .findValuesAsString("name"))
                .contains("6А", "11А")
                .doesNotContain("1А");

        var stranger = api.newUser("Чужой");
        assertThat(api.post(stranger, "/api/v1/units/" + school + "/rollover", null)
                        .code())
                .isEqualTo("UNIT_NOT_FOUND");
    }

    private Api.Session activatePupilOf(long school, String className) {
        var pupil = people.ofHome(school).stream()
                .filter(p -> p.birthDate() != null)
                .filter(p -> people.roles(p.id()).stream()
                        .anyMatch(r -> r.role().name().equals("PUPIL")
                                && unitName(r.unitId()).equals(className)))
                .findFirst()
                .orElseThrow();
        var user = api.newUser(pupil.surname());
        people.linkUser(pupil.id(), user.userId());
        return user;
    }

    @Autowired
    ru.parta.organizations.Units units;

    private String unitName(long id) {
        return units.find(id).orElseThrow().name();
    }

    private List<String> titles(Api.Session s) {
        return api.get(s, "/api/v1/chats").list().stream()
                .map(c -> c.get("title").asString())
                .toList();
    }
}
