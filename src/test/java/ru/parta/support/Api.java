package ru.parta.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.NewUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for integration tests: real requests against the running server, JSON in and out. */
@TestComponent
public class Api {

    public static final String PASSWORD = "correct-horse-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Supplier<String> base;
    private final Function<NewUser, Long> accounts;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    Api(Environment env, Accounts accounts) {
        this(
                () -> "http://127.0.0.1:" + env.getProperty("local.server.port"),
                user -> accounts.createTrusted(user).id());
    }

    private Api(Supplier<String> base, Function<NewUser, Long> accounts) {
        this.base = base;
        this.accounts = accounts;
    }

    /** A client of a server started by hand (cluster tests run several). */
    public static Api of(org.springframework.context.ApplicationContext context) {
        return new Api(context.getEnvironment(), context.getBean(Accounts.class));
    }

    /**
     * A client of a server in another process, at {@code base}; it creates users through the API as {@code admin}, a
     * system administrator's session (on any node of the same database).
     */
    public static Api remote(String base, Api adminApi, Session admin) {
        return new Api(() -> base, user -> {
            var created = adminApi.post(admin, "/api/v1/admin/users", user);
            if (created.status() != 201) {
                throw new IllegalStateException("user not created: " + created.body());
            }
            return created.json().get("id").asLong();
        });
    }

    /** The same for the first node, whose administrator is signed in here with the password {@link #PASSWORD}. */
    public static Api remote(String base, String adminLogin, long adminId) {
        var bare = new Api(() -> base, user -> {
            throw new IllegalStateException("no administrator yet");
        });
        return remote(base, bare, bare.login(adminLogin, adminId));
    }

    public String base() {
        return base.get();
    }

    /** A new account with a unique login; returns a signed-in session for it. */
    public Session newUser(String surname) {
        return newUser(surname, false);
    }

    public Session newUser(String surname, boolean systemAdmin) {
        String login =
                "u" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = accounts.apply(new NewUser(login, surname, "Имя", null, null, null, PASSWORD, systemAdmin));
        return login(login, id);
    }

    public Session login(String login, long userId) {
        return login(login, userId, PASSWORD);
    }

    public Session login(String login, long userId, String password) {
        var response = post(null, "/api/v1/auth/login", Map.of("login", login, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return new Session(userId, login, response.json().get("token").asString());
    }

    public Response get(Session s, String path) {
        return send(s, "GET", path, null);
    }

    public Response post(Session s, String path, Object body) {
        return send(s, "POST", path, body);
    }

    public Response send(Session s, String method, String path, Object body) {
        try {
            String text = body == null ? "" : body instanceof String str ? str : json.writeValueAsString(body);
            var builder = HttpRequest.newBuilder(URI.create(base() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
            if (s != null) {
                builder.header("Authorization", "Bearer " + s.token());
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh education department with one school in it (unique names, so tests never collide). */
    public record District(long department, long school) {}

    public District district(Session admin, String schoolName) {
        long department = post(admin, "/api/v1/units", Map.of("kind", "DEPARTMENT", "name", "УО " + System.nanoTime()))
                .json()
                .get("id")
                .asLong();
        long school = post(admin, "/api/v1/units", Map.of("parentId", department, "kind", "SCHOOL", "name", schoolName))
                .json()
                .get("id")
                .asLong();
        return new District(department, school);
    }

    /** The brief's sample roster (337 rows, 13 classes), as a test resource. */
    public static byte[] sampleRoster() {
        try {
            return java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of("src/test/resources/rosters/roster-sample.csv"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports the sample roster into the school for real and checks that it was applied. */
    public void importSample(Session admin, long school) {
        var r = upload(admin, "/api/v1/units/" + school + "/roster?dryRun=false", "roster.csv", sampleRoster());
        if (r.status() != 200) {
            throw new IllegalStateException("import failed: " + r.body());
        }
    }

    /** A department and school with the sample roster imported. */
    public District sampleDistrict(Session admin) {
        District d = district(admin, "Кокрекская СОШ");
        importSample(admin, d.school());
        return d;
    }

    /** Uploads a file as the multipart field {@code file}. */
    public Response upload(Session s, String path, String fileName, byte[] content) {
        try {
            String boundary = "----parta" + UUID.randomUUID();
            var body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Bearer " + s.token())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a group chat owned by {@code owner} with the given members; returns its id. */
    public long group(Session owner, String title, Session... members) {
        var ids = java.util.Arrays.stream(members).map(Session::userId).toList();
        var r = post(owner, "/api/v1/chats", Map.of("kind", "GROUP", "title", title, "members", ids));
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
        return r.json().get("id").asLong();
    }

    public Response sendMessage(Session s, long chatId, String clientId, String text) {
        return post(s, "/api/v1/chats/" + chatId + "/messages", Map.of("clientId", clientId, "text", text));
    }

    /** The WebSocket stream's port, as a client learns it. */
    public int streamPort(Session s) {
        return get(s, "/api/v1/stream-info").json().get("port").asInt();
    }

    public JsonMapper json() {
        return json;
    }

    public record Session(long userId, String login, String token) {}

    public record Response(int status, String body, JsonMapper mapper) {
        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public List<JsonNode> list() {
            List<JsonNode> items = new java.util.ArrayList<>();
            json().forEach(items::add);
            return items;
        }
    }
}
