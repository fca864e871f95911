package ru.parta.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that encodes a NUL character ({@code %00}) with {@code 400 INVALID_CHARACTERS}: PostgreSQL
 * cannot take NUL in text, so a search for it would otherwise fail as a server error. JSON bodies get the same rule
 * from {@link CleanTextModule}; Tomcat already refuses NUL in the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class QueryTextFilter extends OncePerRequestFilter {

    private final ErrorMessages messages;
    private final JsonMapper json;

    QueryTextFilter(ErrorMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            String language = request.getHeader("Accept-Language");
            Locale locale =
                    language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                            ? Locale.ENGLISH
                            : Locale.forLanguageTag("ru");
            response.setStatus(400);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(json.writeValueAsString(messages.error(400, "INVALID_CHARACTERS", locale)));
            return;
        }
        chain.doFilter(request, response);
    }
}
