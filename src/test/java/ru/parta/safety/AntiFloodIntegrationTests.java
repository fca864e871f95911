package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class AntiFloodIntegrationTests extends SafetyTestBase {

    @Autowired
    FloodLimits limits;

    @AfterEach
    void restore() {
        limits.limits(1_000_000, 1_000_000, 1_000_000);
    }

    private HttpResponse<String> raw(Api.Session s, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + s.token())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void perSenderLimitAnswers429RateLimitedWithRetryAfterAndRetriesOfSentMessagesStillAnswer() throws Exception {
        long chat = api.group(d.teacher(), "Флуд", d.pupil());
        limits.limits(3, 1000, 1000);
        String first = id();
        assertThat(api.sendMessage(d.pupil(), chat, first, "1").status()).isEqualTo(201);
        assertThat(api.sendMessage(d.pupil(), chat, id(), "2").status()).isEqualTo(201);
        assertThat(api.sendMessage(d.pupil(), chat, id(), "3").status()).isEqualTo(201);
        var refused = raw(
                d.pupil(),
                "POST",
                "/api/v1/chats/" + chat + "/messages",
                "{\"clientId\":\"" + id() + "\",\"text\":\"4\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("RATE_LIMITED");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(api.sendMessage(d.pupil(), chat, first, "1").status()).isEqualTo(200);
        assertThat(api.sendMessage(d.teacher(), chat, id(), "ok").status()).isEqualTo(201);
    }

    @Test
    void perChatLimitCountsAllSenders() {
        long chat = api.group(d.teacher(), "Флуд-чат", d.pupil(), d.classmate());
        limits.limits(1000, 2, 1000);
        assertThat(api.sendMessage(d.pupil(), chat, id(), "1").status()).isEqualTo(201);
        assertThat(api.sendMessage(d.classmate(), chat, id(), "2").status()).isEqualTo(201);
        var r = api.sendMessage(d.teacher(), chat, id(), "3");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void perUserSearchLimit() throws Exception {
        limits.limits(1000, 1000, 2);
        assertThat(api.get(d.pupil(), "/api/v1/search?q=урок").status()).isEqualTo(200);
        assertThat(api.get(d.pupil(), "/api/v1/search?q=урок").status()).isEqualTo(200);
        var refused = raw(d.pupil(), "GET", "/api/v1/search?q=%D1%83%D1%80%D0%BE%D0%BA", "");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.get(d.classmate(), "/api/v1/search?q=урок").status()).isEqualTo(200);
    }
}
