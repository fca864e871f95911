package ru.parta.shared;

import java.util.Map;

/** The error code for a bare HTTP status, for refusals made by the container rather than by the application. */
final class StatusCodes {

    private static final Map<Integer, String> CODES = Map.of(
            400, "BAD_REQUEST",
            401, "UNAUTHENTICATED",
            403, "FORBIDDEN",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            413, "BODY_TOO_LARGE",
            415, "UNSUPPORTED_MEDIA_TYPE",
            500, "INTERNAL");

    private StatusCodes() {}

    static String codeFor(int status) {
        return CODES.getOrDefault(status, status >= 500 ? "INTERNAL" : "BAD_REQUEST");
    }
}
