package ru.parta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** What README promises a newcomer: `--demo` seeds a district they can sign into at once, with real coverage numbers. */
@IntegrationTest
@TestPropertySource(properties = "parta.demo.enabled=true")
class DemoDistrictIntegrationTests {

    @Autowired
    Api api;

    @Test
    void demoLoginsWorkAndCoverageShowsPartialConnection() {
        var director = login("director");
        var chats = api.get(director, "/api/v1/chats").list();
        assertThat(chats)
                .extracting(c -> c.get("title").asString())
                .contains("Учительская", "Администрация", "Объявления школы");
        long school =
                api.get(director, "/api/v1/units").list().getFirst().get("id").asLong();
        var coverage =
                api.get(director, "/api/v1/units/" + school + "/coverage").json();
        double percent = coverage.get("totals").get("connectedPercent").asDouble();
        assertThat(percent).isBetween(5.0, 95.0);
        assertThat(coverage.get("units").size()).isEqualTo(13);

        var teacher = login("teacher");
        assertThat(api.get(teacher, "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("5А — класс", "5А — родители");
        var department = login("department");
        long dept =
                api.get(department, "/api/v1/units").list().getFirst().get("id").asLong();
        assertThat(api.get(department, "/api/v1/units/" + dept + "/coverage")
                        .json()
                        .get("units")
                        .size())
                .isEqualTo(3);
        assertThat(api.get(login("pupil1"), "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("5А — класс");
        assertThat(api.get(login("parent1"), "/api/v1/chats").list())
                .extracting(c -> c.get("title").asString())
                .contains("5А — родители");
    }

    private Api.Session login(String login) {
        var r = api.post(null, "/api/v1/auth/login", Map.of("login", login, "password", DemoSeeder.PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Api.Session(
                r.json().get("user").get("id").asLong(),
                login,
                r.json().get("token").asString());
    }
}
