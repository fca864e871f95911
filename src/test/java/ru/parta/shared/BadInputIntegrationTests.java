package ru.parta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** Guarantee 4: bad input is answered with a code and a message, and changes nothing. */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformedJsonIsRefusedAndNothingIsStored() {
        var a = api.newUser("Кривой");
        long chat = api.group(a, "Кривой JSON");
        long before = events(chat);
        for (String body :
                new String[] {"{", "[]", "{\"clientId\":1,\"text\":{}}", "null", "{\"text\":\"x\",\"clientId\":"}) {
            var r = api.post(a, "/api/v1/chats/" + chat + "/messages", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.code()).as(body).isIn("MALFORMED_JSON", "INVALID_CLIENT_ID", "MESSAGE_EMPTY");
        }
        assertThat(events(chat)).isEqualTo(before);
    }

    @Test
    void oversizedBodiesGet413EvenWhenChunked() throws Exception {
        var a = api.newUser("Огромный");
        long chat = api.group(a, "Большие тела");
        String huge = "{\"clientId\":\"big\",\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(api.post(a, "/api/v1/chats/" + chat + "/messages", huge).code())
                .isEqualTo("BODY_TOO_LARGE");

        var chunked = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chats/" + chat + "/messages"))
                .header("Authorization", "Bearer " + a.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("BODY_TOO_LARGE");
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownIdsAndWrongTypesAreClearErrors() {
        var a = api.newUser("Путаный");
        assertThat(api.get(a, "/api/v1/chats/987654321").code()).isEqualTo("CHAT_NOT_FOUND");
        assertThat(api.get(a, "/api/v1/chats/abc").code()).isEqualTo("BAD_PARAMETER");
        assertThat(api.get(a, "/api/v1/no-such-endpoint").status()).isEqualTo(404);
        assertThat(api.send(a, "PUT", "/api/v1/chats", Map.of()).code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(api.post(a, "/api/v1/chats", Map.of("kind", "SECRET", "title", "x"))
                        .code())
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void errorsAreInEnglishWhenAsked() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chats"))
                .header("Accept-Language", "en")
                .GET()
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("Please sign in.");
    }

    @Test
    void foreignOriginCannotUseTheCookieForUnsafeRequests() throws Exception {
        var a = api.newUser("Жертва");
        long chat = api.group(a, "CSRF");
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chats/" + chat + "/messages"))
                .header("Cookie", "PARTA_SESSION=" + a.token())
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"csrf\",\"text\":\"взлом\"}"))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF_REJECTED");
        assertThat(events(chat)).isEqualTo(1);
    }

    private long events(long chat) {
        return jdbc.sql("select count(*) from chat_events where chat_id = ?")
                .param(chat)
                .query(Long.class)
                .single();
    }
}
