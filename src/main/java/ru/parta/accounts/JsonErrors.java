package ru.parta.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import ru.parta.shared.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API error shape from filters, which run before Spring MVC's exception handling. */
@Component
class JsonErrors {

    private final ErrorMessages messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    JsonErrors(ErrorMessages messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        // The same resolver as Spring MVC's: Russian unless the request asks for English.
        var locale = locales.resolveLocale(request);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(messages.error(status, code, locale)));
    }
}
