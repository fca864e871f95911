package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.parta.organizations.PersonRole;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * Calls every endpoint of the application as every role and compares the outcome with the committed matrix
 * {@code src/test/resources/authorization-matrix.csv}. An endpoint without a row, or a row without an endpoint, fails
 * the test, so a new endpoint cannot ship without a decision on who may call it.
 *
 * <p>Outcomes: {@code 401}, {@code 403} and {@code 404} are refusals and must be answered exactly; {@code ok} means
 * the request got past authorisation: any status except 401, 403, 404 and 5xx (a deliberately minimal body may well
 * be refused as invalid, 400/409/422, which still shows that the caller was let in). The path variables name
 * resources that exist and that the role may or may not see, so a 404 is always the "hidden from you" answer. Each
 * role acts on its own copy of the chat resources ({@link MatrixWorld}); rows run in file order, so destructive rows
 * (leave, revoke, sign out) stand last. The body column holds the JSON sent, a query string ({@code ?a=b}) or
 * {@code multipart:<file text>}.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests extends SafetyTestBase {

    static final Path MATRIX = Path.of("src/test/resources/authorization-matrix.csv");
    static final Path ACTUAL = Path.of("target/authorization-matrix.actual.csv");

    enum Role {
        ANONYMOUS,
        PUPIL,
        GUARDIAN,
        TEACHER,
        CLASS_TEACHER,
        DIRECTOR,
        DEPARTMENT,
        SYSTEM_ADMIN
    }

    record Row(String method, String path, Map<Role, String> expected, String body) {
        String key() {
            return method + " " + path;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointHasAMatrixRowAndEveryRowAnEndpoint() {
        var endpoints = Endpoints.of(mapping).all().stream()
                .map(Endpoints.Endpoint::key)
                .toList();
        var rows = readMatrix().stream().map(Row::key).toList();
        assertThat(rows).as("rows without an endpoint").isSubsetOf(endpoints);
        assertThat(endpoints).as("endpoints without a matrix row").isSubsetOf(rows);
        assertThat(rows).as("duplicate rows").doesNotHaveDuplicates();
    }

    @Test
    void everyRoleGetsExactlyTheOutcomeTheMatrixNames() throws IOException {
        RawHttp raw = new RawHttp(api.base());
        Map<Role, Api.Session> sessions = sessions();
        var link = api.post(d.classTeacher(), "/api/v1/units/" + d.classA5() + "/links", Map.of("role", "GUARDIAN"));
        String token = link.json().get("token").asString();
        long uninvited = people.insert(
                d.schoolA(), "Неприглашённый", "Имя", null, "неприглашённый" + UUID.randomUUID(), null, null, null);
        people.addRole(uninvited, d.classA5(), PersonRole.PUPIL, List.of(), true);
        Map<Role, MatrixWorld> worlds = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            worlds.put(role, MatrixWorld.build(api, raw, fixture, d, token, sessions.get(role)));
        }
        Map<String, String> shared = Map.of(
                "schoolId", Long.toString(d.schoolA()),
                "unitId", Long.toString(d.schoolA()),
                "classId", Long.toString(d.classA5()),
                "personId", Long.toString(uninvited),
                "token", token);

        List<String> mismatches = new ArrayList<>();
        StringBuilder actual = new StringBuilder(header());
        for (Row row : readMatrix()) {
            actual.append(row.method()).append(';').append(row.path());
            for (Role role : Role.values()) {
                MatrixWorld w = worlds.get(role);
                String path = resolve(row.path(), w, shared);
                Api.Session s = sessions.get(role);
                var answer = call(raw, row, path, s == null ? null : s.token(), w);
                String outcome = classify(answer.status());
                actual.append(';').append(outcome);
                String expected = row.expected().get(role);
                if (answer.status() >= 500 || !expected.equals(outcome)) {
                    mismatches.add(row.key() + " as " + role + ": expected " + expected + ", got " + answer.status()
                            + " " + abbreviate(answer.body()));
                }
            }
            actual.append(';').append(row.body()).append('\n');
        }
        Files.createDirectories(ACTUAL.getParent());
        Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
        assertThat(mismatches)
                .as("matrix mismatches (actual table in " + ACTUAL + ")")
                .isEmpty();
    }

    private Map<Role, Api.Session> sessions() {
        Map<Role, Api.Session> s = new EnumMap<>(Role.class);
        s.put(Role.PUPIL, d.pupil());
        s.put(Role.GUARDIAN, d.guardian());
        s.put(Role.TEACHER, d.teacher());
        s.put(Role.CLASS_TEACHER, d.classTeacher());
        s.put(Role.DIRECTOR, d.director());
        s.put(Role.DEPARTMENT, d.departmentStaff());
        s.put(Role.SYSTEM_ADMIN, d.systemAdmin());
        return s;
    }

    private RawHttp.Answer call(RawHttp raw, Row row, String path, String token, MatrixWorld w) {
        String method = row.method().equals("ANY") ? "GET" : row.method();
        String body = row.body()
                .replace("${uniq}", UUID.randomUUID().toString().substring(0, 8))
                .replace("${teacher}", Long.toString(d.teacher().userId()))
                .replace("${classmate}", Long.toString(w.victimUserId()))
                .replace("${school}", Long.toString(d.schoolA()))
                .replace("${chat}", Long.toString(w.chatId()));
        if (body.startsWith("?")) {
            return raw.json(method, path + body, token, null);
        }
        if (body.startsWith("multipart:")) {
            String boundary = "----matrix" + UUID.randomUUID();
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + body.substring("multipart:".length()) + "\r\n--" + boundary
                    + "--\r\n";
            return raw.send(
                    method,
                    path,
                    token,
                    "multipart/form-data; boundary=" + boundary,
                    part.getBytes(StandardCharsets.UTF_8));
        }
        return raw.json(method, path, token, body.isEmpty() ? null : body);
    }

    static String classify(int status) {
        return status == 401 || status == 403 || status == 404 ? Integer.toString(status) : "ok";
    }

    private String resolve(String pattern, MatrixWorld w, Map<String, String> shared) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(pattern, m.group(1), w, shared)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String pattern, String name, MatrixWorld w, Map<String, String> shared) {
        long v = switch (name) {
            case "chatId" -> w.chatId();
            case "messageId" -> w.messageId();
            case "userId" -> w.victimUserId();
            case "id" -> idFor(pattern, w);
            default -> {
                String s = shared.get(name);
                if (s == null) {
                    throw new IllegalStateException("no value for {" + name + "} in " + pattern);
                }
                yield Long.MIN_VALUE;
            }
        };
        return v == Long.MIN_VALUE ? shared.get(name) : Long.toString(v);
    }

    private long idFor(String pattern, MatrixWorld w) {
        if (pattern.startsWith("/api/v1/units/")) {
            return d.schoolA();
        }
        Map<String, Long> byPrefix = new LinkedHashMap<>();
        byPrefix.put("/api/v1/me/sessions/", w.extraSessionId());
        byPrefix.put("/api/v1/files/", w.fileId());
        byPrefix.put("/api/v1/uploads/", w.uploadId());
        byPrefix.put("/api/v1/admin/users/", w.eraseTargetId());
        byPrefix.put("/api/v1/moderation/reports/", w.reportId());
        byPrefix.put("/api/v1/join-requests/", w.joinRequestId());
        byPrefix.put("/api/v1/users/", d.teacher().userId());
        return byPrefix.entrySet().stream()
                .filter(e -> pattern.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no value for {id} in " + pattern));
    }

    static List<Row> readMatrix() {
        try {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length != 3 + Role.values().length) {
                    throw new IllegalStateException("bad matrix row: " + line);
                }
                Map<Role, String> expected = new EnumMap<>(Role.class);
                for (Role role : Role.values()) {
                    String cell = cells[2 + role.ordinal()].strip();
                    if (!List.of("ok", "401", "403", "404").contains(cell)) {
                        throw new IllegalStateException("bad outcome '" + cell + "' in: " + line);
                    }
                    expected.put(role, cell);
                }
                rows.add(new Row(cells[0].strip(), cells[1].strip(), expected, cells[cells.length - 1].strip()));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header() {
        StringBuilder h = new StringBuilder("# method;path");
        for (Role r : Role.values()) {
            h.append(';').append(r.name().toLowerCase());
        }
        return h.append(";body\n").toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
