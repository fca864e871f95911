package ru.parta.safety;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends arbitrary requests (any method, content type and raw body, a path already percent-encoded) and reads the
 * answer as text. For the authorisation matrix and the fuzzer, which need requests that {@code Api} cannot make.
 */
final class RawHttp {

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    RawHttp(String base) {
        this.base = base;
    }

    record Answer(int status, String body, Optional<String> retryAfter, String contentType, JsonMapper json) {

        /** The body as JSON, or null when it is not JSON. */
        JsonNode jsonOrNull() {
            try {
                return json.readTree(body);
            } catch (RuntimeException e) {
                return null;
            }
        }

        String code() {
            JsonNode node = jsonOrNull();
            return node == null ? "" : node.path("code").asString();
        }

        /** Whether the body is exactly the API error shape {status, code, message} with the response's status. */
        boolean isApiError() {
            JsonNode node = jsonOrNull();
            return node != null
                    && node.isObject()
                    && node.path("status").asInt() == status
                    && node.path("code").isString()
                    && !node.path("code").asString().isBlank()
                    && node.path("message").isString()
                    && !node.path("message").asString().isBlank();
        }
    }

    Answer send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        try {
            var publisher =
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            var builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, publisher);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer json(String method, String path, String token, String body) {
        return send(
                method, path, token, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
