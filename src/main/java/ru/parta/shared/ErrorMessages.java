package ru.parta.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves {@code error.<code>} messages; Russian unless the caller asked for English. */
@Component
public class ErrorMessages {

    private final MessageSource messages;

    ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    public ApiError toError(ApiException e, Locale locale) {
        return error(e.status().value(), e.code(), locale, e.args());
    }

    public ApiError error(int status, String code, Locale locale, Object... args) {
        String text = messages.getMessage("error." + code, args, code, locale);
        return new ApiError(status, code, text);
    }
}
