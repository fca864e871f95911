package ru.parta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void firstLoadIsSmallCompressedAndComesOnlyFromTheServer() {
        try (var browser = Browser.desktop()) {
            browser.open(api.base() + "/");
            browser.find(By.id("login-form"));
            var entries = (List<Map<String, Object>>) browser.driver.executeScript("""
                    return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                        .map(e => ({name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
                            decodedBodySize: e.decodedBodySize}));
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
            // the server compresses text of 1 KiB and more (server.compression.min-response-size)
            for (var e : entries) {
                if (((Number) e.get("decodedBodySize")).longValue() >= 1024) {
                    assertThat(contentEncoding((String) e.get("name")))
                            .as((String) e.get("name"))
                            .isEqualTo("gzip");
                }
            }
        }
    }

    private static String contentEncoding(String url) {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Content-Encoding").orElse("identity");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
