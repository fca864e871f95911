package ru.parta.files;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import ru.parta.support.Api;
import tools.jackson.databind.JsonNode;

/** Raw-bytes HTTP for the upload and download endpoints, on top of the tests' {@link Api} (of any node). */
public final class FileClient {

    private final Api api;
    private final HttpClient http = HttpClient.newHttpClient();

    public FileClient(Api api) {
        this.api = api;
    }

    public record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Api.Response start(Api.Session s, long chatId, String fileName, long size) {
        return api.post(s, "/api/v1/uploads", Map.of("chatId", chatId, "fileName", fileName, "size", size));
    }

    public Api.Response chunk(Api.Session s, long uploadId, long offset, byte[] bytes) {
        try {
            var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/uploads/" + uploadId))
                    .header("Authorization", "Bearer " + s.token())
                    .header("Content-Type", "application/octet-stream")
                    .header("Upload-Offset", Long.toString(offset))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), api.json());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads in chunks of {@code chunk} bytes; returns the last answer (the finished file, or the refusal). */
    public Api.Response upload(Api.Session s, long chatId, String fileName, byte[] content, int chunk) {
        var started = start(s, chatId, fileName, content.length);
        if (started.status() != 201) {
            return started;
        }
        long id = started.json().get("id").asLong();
        Api.Response last = started;
        for (int from = 0; from < content.length; from += chunk) {
            last = chunk(s, id, from, Arrays.copyOfRange(content, from, Math.min(content.length, from + chunk)));
            if (last.status() != 200) {
                return last;
            }
        }
        return last;
    }

    /** Uploads in one chunk and returns the finished upload's JSON, failing the test on any refusal. */
    public JsonNode uploaded(Api.Session s, long chatId, String fileName, byte[] content) {
        var r = upload(s, chatId, fileName, content, 1 << 20);
        if (r.status() != 200 || !"READY".equals(r.json().get("state").asString())) {
            throw new AssertionError("upload failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    public Bytes get(Api.Session s, String path, String... headers) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + s.token())
                    .GET();
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
