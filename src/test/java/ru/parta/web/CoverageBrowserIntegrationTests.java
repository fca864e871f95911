package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.organizations.People;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** The director watches coverage rise and drills down to a class, in the browser. */
@IntegrationTest
class CoverageBrowserIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    People people;

    @Autowired
    Units units;

    @Test
    void directorSeesPercentDrillsDownToAClassAndTakesASnapshot() throws Exception {
        var admin = api.newUser("Админ", true);
        var district = api.district(admin, "СОШ охвата");
        long department = district.department();
        long school = district.school();
        byte[] roster = Api.sampleRoster();
        api.importSample(admin, school);
        api.send(admin, "PATCH", "/api/v1/units/" + department, Map.of("deadline", "2027-01-20"));
        long directorPerson = people.rolesIn(List.of(school)).stream()
                .filter(r -> r.role() == PersonRole.DIRECTOR)
                .findFirst()
                .orElseThrow()
                .personId();
        var director = api.newUser("Директор");
        people.linkUser(directorPerson, director.userId());
        long fiveA =
                units.activeChild(school, UnitKind.CLASS, "5А").orElseThrow().id();
        people.rolesIn(List.of(fiveA)).stream()
                .filter(r -> r.role() == PersonRole.PUPIL)
                .limit(5)
                .forEach(
                        r -> people.linkUser(r.personId(), api.newUser("Ученик").userId()));
        api.upload(admin, "/api/v1/units/" + school + "/roster?dryRun=false", "r.csv", roster);

        try (var browser = Browser.desktop()) {
            browser.login(api.base(), director.login(), Api.PASSWORD);
            AdminBrowserIntegrationTests.openAdmin(browser);
            AdminBrowserIntegrationTests.openUnit(browser, "СОШ охвата");
            browser.find(By.id("cov-percent"));
            String percent = browser.text(By.id("cov-percent"));
            assertThat(percent).endsWith("%").isNotEqualTo("0,0 %");
            assertThat(browser.text(By.id("cov-deadline"))).contains("2027-01-20");
            assertThat(browser.text(By.id("cov-roles"))).contains("Ученик").contains("Директор");
            assertThat(browser.driver.findElements(By.cssSelector("#cov-missing tbody tr")))
                    .hasSize(300);
            assertThat(browser.find(By.id("cov-pdf")).getAttribute("href")).endsWith("/coverage.pdf");

            // a parent activates with her printed code: the percentage moves
            var code = api.post(admin, "/api/v1/units/" + fiveA + "/invitations", null).list().stream()
                    .filter(i -> i.get("role").asString().contains("GUARDIAN"))
                    .findFirst()
                    .orElseThrow()
                    .get("code")
                    .asString();
            assertThat(api.post(null, "/api/v1/activation", Map.of("code", code, "password", "parent-pass-1"))
                            .status())
                    .isEqualTo(201);
            browser.driver.findElements(By.cssSelector("#coverage-panel button")).stream()
                    .filter(b -> b.getText().equals("Обновить"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            double before = Double.parseDouble(percent.replace(" %", "").replace(',', '.'));
            await().atMost(Browser.TIMEOUT)
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(Double.parseDouble(browser.text(By.id("cov-percent"))
                                    .replace(" %", "")
                                    .replace(',', '.')))
                            .isGreaterThan(before));

            browser.find(By.cssSelector("#people-panel summary")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> browser.driver
                                    .findElements(By.cssSelector("#people-table tbody tr"))
                                    .size()
                            > 2);
            assertThat(browser.text(By.id("people-table"))).contains("Директор");
            browser.find(By.id("cov-snapshot")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> !browser.driver
                            .findElements(By.cssSelector("#cov-history svg circle"))
                            .isEmpty());
            browser.driver.manage().window().setSize(new Dimension(1280, 2000));
            browser.screenshot("coverage-desktop");

            browser.driver.findElements(By.cssSelector("#cov-units button.link")).stream()
                    .filter(b -> b.getText().equals("5А"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            await().atMost(Browser.TIMEOUT)
                    .until(() ->
                            String.valueOf(browser.text(By.id("unit-title"))).startsWith("5А ·"));
            await().atMost(Browser.TIMEOUT)
                    .until(() ->
                            String.valueOf(browser.text(By.id("cov-percent"))).contains("%"));
            assertThat(browser.text(By.id("cov-roles"))).contains("Ученик");
            assertThat(browser.text(By.id("cov-content"))).contains("Код выдан");
        }
        try (var phone = Browser.phone()) {
            phone.login(api.base(), director.login(), Api.PASSWORD);
            AdminBrowserIntegrationTests.openAdmin(phone);
            AdminBrowserIntegrationTests.openUnit(phone, "СОШ охвата");
            phone.find(By.id("cov-percent"));
            phone.screenshot("coverage-phone");
        }
    }
}
