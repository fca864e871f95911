package ru.parta.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): failures that never reach Spring MVC (a request the container
 * itself refuses, an exception in a filter) answer in the API error shape with the status the container chose. Called
 * directly, without a pending error, it answers {@code 404 NOT_FOUND}, never Spring Boot's default 500/999 page.
 */
@RestController
class ApiErrorController implements ErrorController {

    private final ErrorMessages messages;

    ApiErrorController(ErrorMessages messages) {
        this.messages = messages;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ApiError> error(HttpServletRequest request, Locale locale) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code && code >= 400 && code < 600 ? code : 404;
        String code = StatusCodes.codeFor(status);
        return ResponseEntity.status(status).body(messages.error(status, code, locale));
    }
}
