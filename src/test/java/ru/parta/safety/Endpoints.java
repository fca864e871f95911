package ru.parta.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP endpoint of the running application, read from Spring MVC's handler mapping: one entry per path pattern
 * and method. A mapping without a method restriction (Spring Boot's error controller) is listed once as {@code ANY}.
 */
record Endpoints(List<Endpoint> all) {

    /** One path pattern and method, and the controller method that serves it. */
    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        /** Whether the controller reads a JSON body bound to a parameter ({@code @RequestBody}). */
        boolean readsJsonBody() {
            for (var p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    return true;
                }
            }
            return false;
        }

        /** The {@code @RequestBody} parameter's type, if any. */
        Class<?> bodyType() {
            for (var p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    return p.getParameterType();
                }
            }
            return null;
        }
    }

    static Endpoints of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> all = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    all.add(new Endpoint("ANY", pattern, handler));
                }
                for (RequestMethod m : methods) {
                    all.add(new Endpoint(m.name(), pattern, handler));
                }
            }
        });
        all.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        // The error controller maps one path twice (JSON and HTML); one entry is enough.
        List<Endpoint> distinct = new ArrayList<>();
        for (Endpoint e : all) {
            if (distinct.stream().noneMatch(d -> d.key().equals(e.key()))) {
                distinct.add(e);
            }
        }
        return new Endpoints(List.copyOf(distinct));
    }
}
