package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class FirstLoadBrowserIntegrationTests {

    static final long BUDGET = 150 * 1024;

    @Autowired
    Api api;

    @Test
    @SuppressWarnings("unchecked")
    void firstLoadIsSmallAndComesOnlyFromTheServer() {
        try (var browser = Browser.desktop()) {
            browser.open(api.base() + "/");
            browser.find(By.id("login-form"));
            var entries = (List<Map<String, Object>>) browser.driver.executeScript("""
                    return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                        .map(e => ({name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize}));
                    """);
            var names = entries.stream().map(e -> (String) e.get("name")).toList();
            assertThat(names)
                    .anyMatch(n -> n.endsWith("/js/app.js"))
                    .anyMatch(n -> n.endsWith("/css/app.css"))
                    .anyMatch(n -> n.endsWith("/js/i18n-en.js"))
                    .allMatch(n -> n.startsWith(api.base() + "/"), "is on the server's own origin");
            long transferred = entries.stream()
                    .mapToLong(e -> Math.max(
                            ((Number) e.get("transferSize")).longValue(),
                            ((Number) e.get("encodedBodySize")).longValue()))
                    .sum();
            assertThat(transferred).isPositive().isLessThanOrEqualTo(BUDGET);
        }
    }
}
