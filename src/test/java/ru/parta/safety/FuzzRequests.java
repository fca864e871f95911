package ru.parta.safety;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import ru.parta.support.Api;

/**
 * Builds the fuzzer's requests from the endpoint list. {@link #mustBeRefused()} makes only requests that no correct
 * server can accept; {@link #hostile()} makes well-formed requests full of hostile values. Endpoints whose failures
 * back off the test machine's address (sign-in, activation) get only bodies that fail before any credential check.
 */
final class FuzzRequests {

    record Request(String who, String method, String path, String token, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "<none>" : new String(body, StandardCharsets.UTF_8);
            return who + " " + method + " " + path + " [" + contentType + "] "
                    + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }

    private static final Set<String> CREDENTIAL_CHECKS = Set.of(
            "/api/v1/auth/login",
            "/api/v1/activation",
            "/api/v1/activation/check",
            "/api/v1/activation/link",
            "/api/v1/password-reset");
    private static final Set<String> PUBLIC = Set.of(
            "/api/v1/auth/login",
            "/api/v1/activation",
            "/api/v1/activation/check",
            "/api/v1/join/{token}",
            "/api/v1/password-reset",
            "/api/v1/roster/template.csv",
            "/api/v1/roster/template.xlsx");
    private static final Set<String> SLOW_OR_DESTRUCTIVE = Set.of("DELETE /api/v1/me", "POST /api/v1/admin/users");
    private static final List<String> GARBAGE_IDS =
            List.of("abc", "1.5", "99999999999999999999", "-", "%D0%B9", "%00", "%F0%9F%91%8D", "%20", "1e5", "--1");
    private static final List<String> MISSING_IDS = List.of("-1", "0", "9223372036854775807", "-9223372036854775808");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded", "image/png");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private final List<Endpoints.Endpoint> api;
    private final List<Endpoints.Endpoint> withBody;
    private final List<Endpoints.Endpoint> withNumericIds;
    private final List<Endpoints.Endpoint> foreignable;
    private final List<Endpoints.Endpoint> withQuery;
    private final FuzzValues v;
    private final FuzzTargets t;
    private final SchoolFixture.District d;
    private final List<Api.Session> insiders;
    private final List<Api.Session> everyone;

    FuzzRequests(List<Endpoints.Endpoint> endpoints, FuzzValues values, FuzzTargets targets, SchoolFixture.District d) {
        this.api =
                endpoints.stream().filter(e -> e.pattern().startsWith("/api/")).toList();
        this.withBody = api.stream().filter(FuzzRequests::requiredBody).toList();
        this.withNumericIds =
                api.stream().filter(e -> !numericVariables(e).isEmpty()).toList();
        this.foreignable = withNumericIds.stream()
                .filter(e -> variables(e.pattern()).stream()
                        .allMatch(n ->
                                Set.of("chatId", "messageId", "userId", "unitId", "schoolId", "classId", "personId")
                                                .contains(n)
                                        || (n.equals("id") && e.pattern().startsWith("/api/v1/units/"))))
                .toList();
        this.withQuery = api.stream()
                .filter(e -> e.method().equals("GET") && !queryParameters(e).isEmpty())
                .toList();
        this.v = values;
        this.t = targets;
        this.d = d;
        this.insiders = List.of(d.pupil(), d.guardian(), d.teacher(), d.director());
        this.everyone =
                List.of(d.pupil(), d.guardian(), d.teacher(), d.director(), d.departmentStaff(), d.systemAdmin());
    }

    Request mustBeRefused() {
        Api.Session who = v.pick(everyone);
        switch (v.below(7)) {
            case 0, 1 -> {
                var e = v.pick(withBody);
                return json(who, e, own(e), v.malformedJson(v.body(e.bodyType())), "application/json");
            }
            case 2 -> {
                var e = v.pick(withBody);
                return json(who, e, own(e), FuzzValues.utf8(v.body(e.bodyType())), v.pick(WRONG_CONTENT_TYPES));
            }
            case 3 -> {
                var e = v.pick(withBody);
                return json(who, e, own(e), null, v.chance(0.5) ? "application/json" : null);
            }
            case 4 -> {
                var e = v.pick(withNumericIds);
                return json(who, e, replaceNumeric(e, v.pick(GARBAGE_IDS)), hostileBody(e), "application/json");
            }
            case 5 -> {
                var e = v.pick(withNumericIds);
                String id = v.chance(0.5) ? v.pick(MISSING_IDS) : Long.toString(1_000_000_000_000L + v.below(1 << 30));
                return json(who, e, replaceNumeric(e, id), hostileBody(e), "application/json");
            }
            default -> {
                if (v.chance(0.5)) {
                    var e = v.pick(foreignable);
                    return json(v.pick(insiders), e, foreign(e), hostileBody(e), "application/json");
                }
                var e = v.pick(
                        api.stream().filter(x -> !PUBLIC.contains(x.pattern())).toList());
                return json(null, e, own(e), hostileBody(e), "application/json");
            }
        }
    }

    Request hostile() {
        Api.Session who = v.pick(everyone);
        if (v.chance(0.3)) {
            var e = v.pick(withQuery);
            List<String> query = new ArrayList<>();
            for (String name : queryParameters(e)) {
                if (v.chance(0.8)) {
                    String value = v.chance(0.5) ? v.string() : v.number();
                    query.add(name + "=" + encode(value));
                }
            }
            return json(who, e, own(e) + "?" + String.join("&", query), null, null);
        }
        var e = v.pick(withBody.stream()
                .filter(x -> !CREDENTIAL_CHECKS.contains(x.pattern()) && !SLOW_OR_DESTRUCTIVE.contains(x.key()))
                .toList());
        return json(who, e, own(e), FuzzValues.utf8(v.body(e.bodyType())), "application/json");
    }

    private byte[] hostileBody(Endpoints.Endpoint e) {
        return FuzzValues.utf8(v.body(e.bodyType()));
    }

    private Request json(Api.Session who, Endpoints.Endpoint e, String path, byte[] body, String contentType) {
        return new Request(
                who == null ? "anonymous" : who.login(),
                e.method().equals("ANY") ? "GET" : e.method(),
                path,
                who == null ? null : who.token(),
                contentType,
                body);
    }

    private String own(Endpoints.Endpoint e) {
        return substitute(e.pattern(), name -> switch (name) {
            case "chatId" -> Long.toString(t.chat());
            case "messageId" -> Long.toString(t.message());
            case "userId" -> Long.toString(d.classmate().userId());
            case "unitId", "schoolId" -> Long.toString(d.schoolA());
            case "classId" -> Long.toString(d.classA5());
            case "personId" -> Long.toString(d.pupilPerson());
            case "token" -> t.linkToken();
            case "id" ->
                Long.toString(
                        e.pattern().startsWith("/api/v1/units/")
                                ? d.schoolA()
                                : e.pattern().startsWith("/api/v1/moderation/") ? t.report() : t.upload());
            default -> throw new IllegalStateException("no fuzz value for {" + name + "} in " + e.pattern());
        });
    }

    private String foreign(Endpoints.Endpoint e) {
        return substitute(e.pattern(), name -> switch (name) {
            case "chatId" -> Long.toString(t.foreignChat());
            case "messageId" -> Long.toString(t.foreignMessage());
            case "userId" -> Long.toString(d.otherSchoolPupil().userId());
            case "classId" -> Long.toString(d.classB5());
            case "personId" -> Long.toString(t.foreignPerson());
            default -> Long.toString(d.schoolB());
        });
    }

    private String replaceNumeric(Endpoints.Endpoint e, String value) {
        Set<String> numeric = numericVariables(e);
        String ownPath = own(e);
        // Rebuild from the pattern so that only the numeric variables change.
        return substitute(e.pattern(), name -> numeric.contains(name) ? value : segmentOf(e.pattern(), ownPath, name));
    }

    private static String segmentOf(String pattern, String resolved, String name) {
        String[] p = pattern.split("/");
        String[] r = resolved.split("/");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("{" + name + "}")) {
                return r[i];
            }
        }
        throw new IllegalStateException(name);
    }

    private static String substitute(String pattern, java.util.function.Function<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> numericVariables(Endpoints.Endpoint e) {
        Set<String> names = new java.util.HashSet<>();
        for (var p : e.handler().getMethodParameters()) {
            PathVariable a = p.getParameterAnnotation(PathVariable.class);
            Class<?> type = p.getParameterType();
            if (a != null && (type == long.class || type == Long.class || type == int.class)) {
                String name = !a.value().isEmpty() ? a.value() : a.name().isEmpty() ? p.getParameterName() : a.name();
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> queryParameters(Endpoints.Endpoint e) {
        List<String> names = new ArrayList<>();
        for (var p : e.handler().getMethodParameters()) {
            RequestParam a = p.getParameterAnnotation(RequestParam.class);
            if (a != null) {
                names.add(!a.value().isEmpty() ? a.value() : a.name().isEmpty() ? p.getParameterName() : a.name());
            }
        }
        return names;
    }

    private static boolean requiredBody(Endpoints.Endpoint e) {
        for (var p : e.handler().getMethodParameters()) {
            RequestBody a = p.getParameterAnnotation(RequestBody.class);
            if (a != null && a.required()) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
