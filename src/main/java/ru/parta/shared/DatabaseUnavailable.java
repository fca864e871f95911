package ru.parta.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 DATABASE_UNAVAILABLE (with {@code Retry-After}) while PostgreSQL cannot be reached, wherever the failure
 * surfaces: in a filter (sign-in checks run before Spring MVC) or in a handler (through {@link ApiExceptionHandler}).
 * Nothing is retried here: the pool (Hikari) reconnects by itself, and the next request after the database returns
 * succeeds. A failure is recognised by its cause chain: a pool time-out, a refused or broken connection (SQL state
 * class 08) or a server shutting down (57P01–57P03).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailable extends OncePerRequestFilter {

    static final String CODE = "DATABASE_UNAVAILABLE";
    static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorMessages messages;
    private final JsonMapper json;

    DatabaseUnavailable(ErrorMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Whether the failure means the database is out of reach, rather than a fault of the request or the code. */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!causedBy(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("Database unavailable on " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            response.resetBuffer();
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var locale = RequestContextUtils.getLocale(request);
            response.getWriter().write(json.writeValueAsString(messages.error(503, CODE, locale)));
        }
    }
}
