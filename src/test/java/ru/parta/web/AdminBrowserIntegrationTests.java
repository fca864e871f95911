package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class AdminBrowserIntegrationTests {

    @Autowired
    Api api;

    static void openUnit(Browser browser, String name) {
        await().atMost(Browser.TIMEOUT).ignoreExceptions().until(() -> {
            browser.driver.findElements(By.cssSelector("#unit-list button")).stream()
                    .filter(b -> b.getText().endsWith(name))
                    .findFirst()
                    .orElseThrow()
                    .click();
            return true;
        });
        await().atMost(Browser.TIMEOUT)
                .until(() -> browser.text(By.id("unit-title")) != null
                        && browser.text(By.id("unit-title")).startsWith(name + " ·"));
    }

    static void openAdmin(Browser browser) {
        browser.find(By.id("open-admin")).click();
        browser.find(By.id("admin-main"));
    }

    @Test
    void schoolAdminImportsTheRosterThenIssuesCodesForAClass() {
        var admin = api.newUser("Завуч", true);
        String departmentName = "УО загрузка " + System.nanoTime();
        long department = api.post(admin, "/api/v1/units", Map.of("kind", "DEPARTMENT", "name", departmentName))
                .json()
                .get("id")
                .asLong();
        assertThat(department).isPositive();

        try (var desktop = Browser.desktop()) {
            desktop.login(api.base(), admin.login(), Api.PASSWORD);
            openAdmin(desktop);
            openUnit(desktop, departmentName);
            // a school is added in the browser
            desktop.find(By.id("unit-name")).sendKeys("Гимназия №3");
            desktop.find(By.cssSelector("#unit-form button[type=submit]")).click();
            openUnit(desktop, "Гимназия №3");
            assertThat(desktop.text(By.id("crumbs"))).contains(departmentName).contains("Гимназия №3");

            desktop.find(By.id("roster-file"))
                    .sendKeys(Path.of("src/test/resources/rosters/roster-sample.csv")
                            .toAbsolutePath()
                            .toString());
            desktop.find(By.id("roster-check")).click();
            desktop.find(By.id("roster-no-errors"));
            assertThat(desktop.text(By.id("roster-summary"))).startsWith("Проверка");
            int created = count(desktop, "created");
            assertThat(created).isGreaterThan(50);
            assertThat(count(desktop, "classesCreated")).isGreaterThan(10);
            assertThat(desktop.driver.findElements(By.cssSelector("#roster-people tbody tr")))
                    .isNotEmpty();
            desktop.driver.manage().window().setSize(new Dimension(1280, 1800));
            desktop.screenshot("admin-roster-check-desktop");
            desktop.driver.manage().window().setSize(new Dimension(1280, 800));

            desktop.find(By.id("roster-apply")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> String.valueOf(desktop.text(By.id("roster-summary")))
                            .startsWith("Применено"));
            assertThat(count(desktop, "created")).isEqualTo(created);
            await().atMost(Browser.TIMEOUT)
                    .until(() -> desktop.driver
                                    .findElements(By.cssSelector("#roster-history-table tbody tr"))
                                    .size()
                            == 2);

            openUnit(desktop, "5А");
            desktop.find(By.id("inv-issue")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> !desktop.driver
                            .findElements(By.cssSelector("#inv-table .status[data-status=ACTIVE]"))
                            .isEmpty());
            List<WebElement> statuses = desktop.driver.findElements(By.cssSelector("#inv-table .status"));
            assertThat(statuses).allSatisfy(s -> assertThat(s.getText()).isEqualTo("Код выдан"));
            assertThat(desktop.driver.findElements(By.cssSelector("#inv-table code.code")))
                    .allSatisfy(c -> assertThat(c.getText()).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}"));
            // printable sheets of the class: the link points at the PDF endpoint
            assertThat(desktop.driver.findElement(By.id("inv-pdf")).getAttribute("href"))
                    .endsWith("/invitations.pdf");
            desktop.screenshot("admin-invitations-desktop");

            // revoke one, then re-issue it
            var firstRow = desktop.find(By.cssSelector("#inv-table tbody tr"));
            String personId = firstRow.getAttribute("data-person-id");
            firstRow.findElement(By.cssSelector("button.revoke")).click();
            desktop.driver.switchTo().alert().accept();
            String row = "#inv-table tr[data-person-id='" + personId + "']";
            await().atMost(Browser.TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> "REVOKED"
                            .equals(desktop.driver
                                    .findElement(By.cssSelector(row + " .status"))
                                    .getAttribute("data-status")));
            assertThat(desktop.text(By.cssSelector(row + " .status"))).isEqualTo("Код отозван");
            desktop.find(By.cssSelector(row + " button.reissue")).click();
            await().atMost(Browser.TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> "ACTIVE"
                            .equals(desktop.driver
                                    .findElement(By.cssSelector(row + " .status"))
                                    .getAttribute("data-status")));
        }

        try (var phone = Browser.phone()) {
            phone.login(api.base(), admin.login(), Api.PASSWORD);
            openAdmin(phone);
            openUnit(phone, departmentName);
            openUnit(phone, "Гимназия №3");
            phone.screenshot("admin-school-phone");
            openUnit(phone, "5А");
            phone.find(By.cssSelector("#inv-table code.code"));
            phone.screenshot("admin-invitations-phone");
        }
    }

    private static int count(Browser browser, String key) {
        return Integer.parseInt(browser.text(By.cssSelector("#roster-counts [data-count='" + key + "'] dd")));
    }
}
