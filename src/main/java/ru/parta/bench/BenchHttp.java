package ru.parta.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls the tool makes, on a small bounded pool of JDK HTTP clients. */
final class BenchHttp {

    record Response(int status, String body) {}

    private final URI base;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();
    final JsonMapper json = JsonMapper.builder().build();

    BenchHttp(URI base, int poolSize) {
        this.base = base;
        this.clients = new HttpClient[poolSize];
        for (int i = 0; i < poolSize; i++) {
            clients[i] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }
    }

    URI base() {
        return base;
    }

    private HttpClient client() {
        return clients[Math.floorMod(next.getAndIncrement(), clients.length)];
    }

    private HttpRequest request(String method, String path, String token, Object body) {
        String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
        var b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    Response call(String method, String path, String token, Object body) {
        try {
            var r = client().send(
                            request(method, path, token, body),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new BenchException("HTTP " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    JsonNode ok(String method, String path, String token, Object body) {
        Response r = call(method, path, token, body);
        if (r.status() / 100 != 2) {
            throw new BenchException(method + " " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    CompletableFuture<Integer> sendAsync(long chatId, String token, String clientId, String text) {
        Map<String, Object> body = Map.of("clientId", clientId, "text", text);
        return client().sendAsync(
                        request("POST", "/api/v1/chats/" + chatId + "/messages", token, body),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    record Login(long userId, String token) {}

    /** Signs in; null on 401 (wrong password or no such account). */
    Login login(String login, String password) {
        Response r = call("POST", "/api/v1/auth/login", null, Map.of("login", login, "password", password));
        for (int attempt = 0; r.status() == 429 && attempt < 20; attempt++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted", e);
            }
            r = call("POST", "/api/v1/auth/login", null, Map.of("login", login, "password", password));
        }
        if (r.status() == 401) {
            return null;
        }
        if (r.status() != 200) {
            throw new BenchException("login of " + login + " answered " + r.status() + ": " + r.body());
        }
        JsonNode n = json.readTree(r.body());
        return new Login(n.get("user").get("id").asLong(), n.get("token").asString());
    }

    /** Creates a user through the admin API; false if the login is taken already. */
    boolean createUser(String adminToken, String login, String password) {
        var body = new HashMap<String, Object>();
        body.put("login", login);
        body.put("surname", "Нагрузка");
        body.put("name", login);
        body.put("password", password);
        Response r = call("POST", "/api/v1/admin/users", adminToken, body);
        if (r.status() == 201) {
            return true;
        }
        if (r.status() == 409) {
            return false;
        }
        throw new BenchException("creating " + login + " answered " + r.status() + ": " + r.body());
    }

    /** Chats of a user: title to {id, lastPosition}. */
    Map<String, long[]> chats(String token) {
        JsonNode list = ok("GET", "/api/v1/chats?limit=500", token, null);
        Map<String, long[]> result = new HashMap<>();
        for (JsonNode c : list) {
            String title = c.path("title").asString("");
            result.put(
                    title,
                    new long[] {c.get("id").asLong(), c.path("lastPosition").asLong(0)});
        }
        return result;
    }

    Map<Long, Long> cursors(String token) {
        JsonNode list = ok("GET", "/api/v1/chats?limit=500", token, null);
        Map<Long, Long> result = new HashMap<>();
        for (JsonNode c : list) {
            result.put(c.get("id").asLong(), c.path("lastPosition").asLong(0));
        }
        return result;
    }

    long createChat(String token, String kind, String title, List<Long> members) {
        JsonNode n = ok("POST", "/api/v1/chats", token, Map.of("kind", kind, "title", title, "members", members));
        return n.get("id").asLong();
    }

    void addMembers(String token, long chatId, List<Long> members) {
        ok("POST", "/api/v1/chats/" + chatId + "/members", token, Map.of("userIds", members));
    }

    int streamPort(String token) {
        return ok("GET", "/api/v1/stream-info", token, null).get("port").asInt();
    }

    String prometheus() {
        Response r = call("GET", "/actuator/prometheus", null, null);
        return r.status() == 200 ? r.body() : "";
    }
}
