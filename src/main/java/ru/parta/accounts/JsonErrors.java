package ru.parta.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import ru.parta.shared.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API error shape from filters, which run before Spring MVC's exception handling. */
@Component
class JsonErrors {

    private final ErrorMessages messages;
    private final JsonMapper json;

    JsonErrors(ErrorMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        var locale = RequestContextUtils.getLocale(request);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(messages.error(status, code, locale)));
    }
}
