package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class CoverageAuthorizationIntegrationTests extends CoverageFixture {

    @Test
    void onlyWatchersOfTheUnitSeeItsCoverage() {
        var director = activate(withRole("Директор").getFirst());
        var classTeacher = activate(of("5А", "Классный руководитель").getFirst());
        var pupil = activate(of("5А", "Ученик").getFirst());
        var guardian = activate(of("5А", "Родитель").getFirst());
        var stranger = api.newUser("Чужой");
        long class5a = unitId(school, "5А");
        String schoolPath = "/api/v1/units/" + school + "/coverage";
        String classPath = "/api/v1/units/" + class5a + "/coverage";

        assertThat(api.get(director, schoolPath).status()).isEqualTo(200);
        assertThat(api.get(director, classPath).status()).isEqualTo(200);
        assertThat(api.get(classTeacher, classPath).status()).isEqualTo(200);
        assertThat(api.get(classTeacher, classPath + ".xlsx").status()).isEqualTo(200);
        for (var outsider : List.of(pupil, guardian, stranger)) {
            for (String path : List.of(schoolPath, classPath, schoolPath + "/history", classPath + ".xlsx")) {
                var r = api.get(outsider, path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.code()).isEqualTo("UNIT_NOT_FOUND");
            }
            assertThat(api.post(outsider, schoolPath + "/snapshot", null).status())
                    .isEqualTo(404);
        }
        var denied = api.get(classTeacher, schoolPath);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.code()).isEqualTo("UNIT_NOT_FOUND");
        assertThat(api.get(classTeacher, "/api/v1/units/" + department + "/coverage")
                        .status())
                .isEqualTo(404);
        assertThat(api.get(admin, "/api/v1/units/999999999/coverage").code()).isEqualTo("UNIT_NOT_FOUND");
    }
}
