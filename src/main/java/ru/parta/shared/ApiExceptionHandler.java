package ru.parta.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into {@link ApiError}; an unreachable database becomes 503 DATABASE_UNAVAILABLE, other unexpected
 * failures 500 without internals in the body.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorMessages messages;

    ApiExceptionHandler(ErrorMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, Locale locale) {
        var response = ResponseEntity.status(e.status());
        // A back-off refusal carries its wait in seconds as the first argument: clients also get it as Retry-After.
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS && e.args().length > 0 && e.args()[0] instanceof Number n) {
            response.header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(n.longValue()));
        }
        return response.body(messages.toError(e, locale));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, Locale locale) {
        var field = e.getBindingResult().getFieldError();
        String detail = field == null ? "" : field.getField() + ": " + field.getDefaultMessage();
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale, detail);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e, Locale locale) {
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return respond(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", locale);
            }
            if (cause instanceof ApiException refusal) {
                return api(refusal, locale);
            }
        }
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e, Locale locale) {
        return respond(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(Locale locale) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(Locale locale) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(Locale locale) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, Locale locale) {
        return e instanceof MaxUploadSizeExceededException
                ? respond(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", locale)
                : respond(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART", locale);
    }

    /**
     * Spring Security's firewall refuses a parameter or header it deems dangerous, or Tomcat cannot decode a form
     * parameter, when the controller reads it.
     */
    @ExceptionHandler({RequestRejectedException.class, org.apache.tomcat.util.http.InvalidParameterException.class})
    ResponseEntity<ApiError> rejected(Locale locale) {
        return respond(HttpStatus.BAD_REQUEST, "BAD_REQUEST", locale);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(Locale locale) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(messages.error(503, DatabaseUnavailable.CODE, locale));
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", locale);
    }

    private ResponseEntity<ApiError> respond(HttpStatus status, String code, Locale locale, Object... args) {
        return ResponseEntity.status(status).body(messages.error(status.value(), code, locale, args));
    }
}
