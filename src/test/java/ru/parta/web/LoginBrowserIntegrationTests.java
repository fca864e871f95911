package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class LoginBrowserIntegrationTests {

    @Autowired
    Api api;

    @Test
    void showsTheServersLoginErrorInRussianThenInEnglish() {
        var user = api.newUser("Петрова");
        try (var browser = Browser.phone()) {
            browser.open(api.base() + "/");
            assertThat(browser.find(By.id("login-submit")).getText()).isEqualTo("Войти");
            browser.find(By.id("login-name")).sendKeys(user.login());
            browser.find(By.id("login-password")).sendKeys("wrong-password");
            browser.find(By.id("login-submit")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> "Неверный логин или пароль.".equals(browser.text(By.id("login-error"))));
            browser.screenshot("login-error-ru-phone");

            new Select(browser.find(By.id("lang-login"))).selectByValue("en");
            assertThat(browser.find(By.id("login-submit")).getText()).isEqualTo("Sign in");
            browser.find(By.id("login-submit")).click();
            await().atMost(Browser.TIMEOUT)
                    .until(() -> "Wrong login or password.".equals(browser.text(By.id("login-error"))));
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            browser.screenshot("login-error-en-phone");
        }
    }

    @Test
    void signsInAndOut() {
        var user = api.newUser("Волкова");
        try (var browser = Browser.desktop()) {
            browser.login(api.base(), user.login(), Api.PASSWORD);
            assertThat(browser.find(By.id("me")).getText()).isEqualTo("Ваш номер: " + user.userId());
            browser.find(By.id("logout")).click();
            browser.find(By.id("login-form"));
            browser.driver.navigate().refresh();
            browser.find(By.id("login-form"));
            assertThat(browser.driver.findElement(By.id("app-view")).isDisplayed())
                    .isFalse();
        }
    }
}
