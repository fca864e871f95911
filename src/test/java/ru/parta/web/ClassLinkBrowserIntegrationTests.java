package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class ClassLinkBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void teacherCreatesAPupilLinkAndApprovesTheRequestThenThePupilSeesTheClassChat() {
        var admin = api.newUser("Классная", true);
        String departmentName = "УО ссылки " + System.nanoTime();
        long department = api.post(admin, "/api/v1/units", Map.of("kind", "DEPARTMENT", "name", departmentName))
                .json()
                .get("id")
                .asLong();
        long school = api.post(
                        admin, "/api/v1/units", Map.of("parentId", department, "kind", "SCHOOL", "name", "Лицей"))
                .json()
                .get("id")
                .asLong();
        api.post(admin, "/api/v1/units", Map.of("parentId", school, "kind", "CLASS", "name", "7Г"));
        var pupil = api.newUser("Новенький");

        try (var teacher = Browser.desktop();
                var phone = Browser.phone()) {
            teacher.login(api.base(), admin.login(), Api.PASSWORD);
            AdminBrowserIntegrationTests.openAdmin(teacher);
            AdminBrowserIntegrationTests.openUnit(teacher, departmentName);
            AdminBrowserIntegrationTests.openUnit(teacher, "Лицей");
            AdminBrowserIntegrationTests.openUnit(teacher, "7Г");
            teacher.find(By.cssSelector("#links-panel summary")).click();
            teacher.find(By.id("link-create")).click();
            String url = teacher.find(By.cssSelector("#link-list li[data-role=PUPIL] .link-url"))
                    .getText();
            assertThat(url).contains("/join/");
            String token = url.substring(url.indexOf("/join/") + "/join/".length());

            // not signed in: the class is shown, then sign-in, then back to the request
            phone.open(api.base() + "/join/" + token);
            assertThat(phone.find(By.id("join-class")).getText()).isEqualTo("Класс 7Г");
            phone.screenshot("join-signed-out-phone");
            phone.find(By.id("join-sign-in")).click();
            assertThat(phone.find(By.id("login-return")).getText()).isEqualTo("Войдите, чтобы продолжить.");
            phone.find(By.id("login-name")).sendKeys(pupil.login());
            phone.find(By.id("login-password")).sendKeys(Api.PASSWORD);
            phone.find(By.id("login-submit")).click();
            phone.find(By.id("join-send")).click();
            assertThat(phone.find(By.id("join-status")).getAttribute("data-status"))
                    .isEqualTo("PENDING");
            phone.screenshot("join-pending-phone");
            phone.find(By.id("join-to-chats")).click();
            phone.awaitOnline();
            assertThat(ActivationBrowserIntegrationTests.chatTitles(phone)).doesNotContain("7Г — класс");

            teacher.find(By.id("jr-refresh")).click();
            var approve = teacher.find(By.cssSelector("#jr-table button.approve"));
            assertThat(teacher.text(By.cssSelector("#jr-table tbody tr td"))).startsWith("Новенький");
            teacher.screenshot("admin-class-desktop");
            approve.click();
            teacher.find(By.id("jr-empty"));

            await().atMost(Browser.TIMEOUT)
                    .until(() ->
                            ActivationBrowserIntegrationTests.chatTitles(phone).contains("7Г — класс"));
            phone.screenshot("join-approved-chats-phone");
        }
    }
}
