package ru.parta.safety;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.parta.shared.ApiError;
import ru.parta.shared.ApiException;
import ru.parta.shared.ErrorMessages;

/** Refusals of the safety rules that carry more than the usual error: a Retry-After header, a mute's end time. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SafetyErrors {

    /** 429 RATE_LIMITED with {@code Retry-After} in seconds. */
    static final class RateLimited extends ApiException {
        final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** 403 MUTED; the body also carries {@code mutedUntil}. */
    static final class Muted extends ApiException {
        final Instant until;

        Muted(Instant until) {
            super(HttpStatus.FORBIDDEN, "MUTED", until.toString());
            this.until = until;
        }
    }

    private final ErrorMessages messages;

    SafetyErrors(ErrorMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ApiError> rateLimited(RateLimited e, Locale locale) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds))
                .body(messages.toError(e, locale));
    }

    @ExceptionHandler(Muted.class)
    ResponseEntity<Map<String, Object>> muted(Muted e, Locale locale) {
        ApiError error = messages.toError(e, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", error.status());
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("mutedUntil", e.until.toString());
        return ResponseEntity.status(e.status()).body(body);
    }
}
